package dev.keel.dialect.mysql;

import dev.keel.spi.Location;

/**
 * Turns offsets of a script into 1-based lines and columns (columns counted in code points; CRLF, LF and a lone
 * CR each end a line). Offsets are usually asked for in increasing order (statement starts), so all lookups
 * together read the text about once; an earlier offset restarts from the top (only error messages do that).
 */
final class TextPositions {

    private final char[] text;
    private final String file;
    private final int firstLine;
    private int pos;
    private int line; // 0-based, relative to the text
    private int column = 1;

    TextPositions(char[] text, String file, int firstLine) {
        this.text = text;
        this.file = file;
        this.firstLine = firstLine;
    }

    /** The line of the file at an offset. */
    int line(int offset) {
        advanceTo(offset);
        return firstLine + line;
    }

    /** The column (1-based, in code points) at an offset. */
    int column(int offset) {
        advanceTo(offset);
        return column;
    }

    /** The place of an offset in the file. */
    Location location(int offset) {
        advanceTo(offset);
        return new Location(file, firstLine + line, column);
    }

    /** {@code line L, column C}, for messages. */
    String describe(int offset) {
        advanceTo(offset);
        return "line " + (firstLine + line) + ", column " + column;
    }

    private void advanceTo(int target) {
        if (target < pos) {
            pos = 0;
            line = 0;
            column = 1;
        }
        for (; pos < target; pos++) {
            char c = text[pos];
            if (c == '\n' || (c == '\r' && (pos + 1 >= text.length || text[pos + 1] != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !(Character.isLowSurrogate(c) && pos > 0 && Character.isHighSurrogate(text[pos - 1]))) {
                column++;
            }
        }
    }
}
