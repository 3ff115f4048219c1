package dev.keel.core.split;

import dev.keel.spi.Location;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A script being split: its text, a read position that a splitter moves forward, the mechanics every SQL
 * language shares (ASCII keywords ignoring case, line comments, block comments, quotes) and the place in the file
 * of any offset.
 *
 * <ul>
 *   <li>Reading: {@link #peek()}, {@link #advance()} and the {@code skip…} methods work at the read position;
 *       the other methods take offsets into the text and return offsets (or {@code -1} when a construct is not
 *       closed), so that a splitter can look ahead without moving and knows where a construct opened when it
 *       reports it.</li>
 *   <li>Language: the cursor knows no dialect. The splitter says which comments exist (by calling
 *       {@link #skipLineComment(String)} with its openers, {@link #skipBlockComment(String)} or
 *       {@link #skipNestedBlockComment(String)}), which characters quote and how they escape
 *       ({@link #quoteEnd(int, char, QuoteEscape)}), and which characters make a word.</li>
 *   <li>Places: lines and columns are 1-based; the line honours the first line given to the constructor, columns
 *       count code points, and CRLF, LF and a lone CR each end a line. They are counted lazily: offsets are
 *       usually asked for in increasing order (statement starts), so that all lookups together read the text
 *       once; an earlier offset (only error messages ask for those) counts again from the top.</li>
 * </ul>
 *
 * <p>One cursor serves one split: it is not thread-safe.
 */
public final class ScriptCursor {

    private final String text;
    private final char[] chars;
    private final String file;
    private final int firstLine;
    private int position;

    private int countedTo; // line and column below are those of this offset
    private int line; // 0-based, relative to the text
    private int column = 1; // 1-based, in code points

    /**
     * A cursor at the start of a script.
     *
     * @param text      the script
     * @param file      the file name, for error locations
     * @param firstLine the line of the file at which {@code text} starts (1 for a whole file)
     * @throws IllegalArgumentException when {@code firstLine} is below 1
     */
    public ScriptCursor(String text, String file, int firstLine) {
        this.text = Objects.requireNonNull(text, "text");
        this.file = Objects.requireNonNull(file, "file");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1, was " + firstLine);
        }
        this.firstLine = firstLine;
        this.chars = text.toCharArray();
    }

    /** The whole script. */
    public String text() {
        return text;
    }

    /** The length of the script, in chars. */
    public int length() {
        return chars.length;
    }

    /** The char at an offset. */
    public char charAt(int offset) {
        return chars[offset];
    }

    /** The text of {@code [from, to)}. */
    public String slice(int from, int to) {
        return text.substring(from, to);
    }

    // ---------------------------------------------------------------------------------------- reading position

    /** The read position: the offset of the next char to read. */
    public int position() {
        return position;
    }

    /** Whether the read position is at the end of the script. */
    public boolean atEnd() {
        return position >= chars.length;
    }

    /** The char at the read position ({@code \0} at the end). */
    public char peek() {
        return peek(0);
    }

    /** The char {@code ahead} chars after the read position ({@code \0} past the end). */
    public char peek(int ahead) {
        int at = position + ahead;
        return at < chars.length ? chars[at] : '\0';
    }

    /** Moves the read position one char on. */
    public void advance() {
        moveTo(position + 1);
    }

    /** Moves the read position {@code count} chars on. */
    public void advance(int count) {
        moveTo(position + count);
    }

    /**
     * Moves the read position to an offset (usually one returned by the methods below).
     *
     * @throws IndexOutOfBoundsException when the offset is outside {@code [0, length()]}
     */
    public void moveTo(int offset) {
        Objects.checkFromToIndex(0, offset, chars.length);
        position = offset;
    }

    // ---------------------------------------------------------------------------------------- words

    /**
     * Whether {@code [from, to)} is {@code word}, ignoring ASCII case ({@code BEGIN}, {@code Begin} and
     * {@code begin} all match {@code "begin"}; no other character folds).
     */
    public boolean matches(int from, int to, String word) {
        if (to - from != word.length() || from < 0 || to > chars.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lowerAscii(chars[from + k]) != lowerAscii(word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code word} stands at {@code at} as a whole word, ignoring ASCII case: neither the char before nor
     * the char after it is a word char.
     *
     * @param wordChar the dialect's word characters
     */
    public boolean wordAt(int at, String word, IntPredicate wordChar) {
        int to = at + word.length();
        return matches(at, to, word)
                && (at == 0 || !wordChar.test(chars[at - 1]))
                && (to == chars.length || !wordChar.test(chars[to]));
    }

    /** The first offset at or after {@code from} whose char is not {@code part} (the length at the end). */
    public int endOfRun(int from, IntPredicate part) {
        int j = from;
        while (j < chars.length && part.test(chars[j])) {
            j++;
        }
        return j;
    }

    // ---------------------------------------------------------------------------------------- white space and comments

    /**
     * Skips the white space at the read position: a run of spaces, control characters and byte order marks.
     *
     * @return whether it moved
     */
    public boolean skipWhiteSpace() {
        int from = position;
        while (position < chars.length && (chars[position] <= ' ' || chars[position] == '\uFEFF')) {
            position++;
        }
        return position > from;
    }

    /**
     * Skips a line comment opened by {@code opener} (e.g. {@code --} or {@code #}) at the read position, up to the
     * LF or CR that ends its line (or the end of the script).
     *
     * @return whether one was there
     */
    public boolean skipLineComment(String opener) {
        if (!text.startsWith(opener, position)) {
            return false;
        }
        position = lineEnd(position + opener.length());
        return true;
    }

    /**
     * Skips a block comment at the read position whose first {@code *}{@code /} closes it (SQLite, MySQL).
     *
     * @param fix how to close it, for the error when it is not closed
     * @return whether one was there
     * @throws dev.keel.spi.KeelException {@link Unterminated#COMMENT} when it is not closed
     */
    public boolean skipBlockComment(String fix) {
        return peek() == '/' && peek(1) == '*' && skipComment(blockCommentEnd(position), fix);
    }

    /**
     * Skips a block comment at the read position in which every {@code /*} needs its own {@code *}{@code /}
     * (PostgreSQL).
     *
     * @param fix how to close it, for the error when it is not closed
     * @return whether one was there
     * @throws dev.keel.spi.KeelException {@link Unterminated#COMMENT} when it is not closed
     */
    public boolean skipNestedBlockComment(String fix) {
        return peek() == '/' && peek(1) == '*' && skipComment(nestedBlockCommentEnd(position), fix);
    }

    private boolean skipComment(int end, String fix) {
        if (end < 0) {
            throw Unterminated.COMMENT.at(this, position, "block comment", fix);
        }
        position = end;
        return true;
    }

    /** The offset of the first LF or CR at or after {@code from}, where a line comment ends (the length at the end). */
    public int lineEnd(int from) {
        int j = from;
        while (j < chars.length && chars[j] != '\n' && chars[j] != '\r') {
            j++;
        }
        return j;
    }

    /**
     * The offset just after the first {@code *}{@code /} closing the block comment whose {@code /*} is at
     * {@code open} (comments that do not nest, as in SQLite and MySQL), or -1 when it is not closed.
     */
    public int blockCommentEnd(int open) {
        for (int j = open + 2; j + 1 < chars.length; j++) {
            if (chars[j] == '*' && chars[j + 1] == '/') {
                return j + 2;
            }
        }
        return -1;
    }

    /**
     * The offset just after the {@code *}{@code /} closing the block comment whose {@code /*} is at {@code open},
     * where every {@code /*} inside opens a comment that needs its own {@code *}{@code /} (as in PostgreSQL),
     * or -1 when it is not closed.
     */
    public int nestedBlockCommentEnd(int open) {
        int depth = 1;
        int j = open + 2;
        while (j + 1 < chars.length) {
            if (chars[j] == '/' && chars[j + 1] == '*') {
                depth++;
                j += 2;
            } else if (chars[j] == '*' && chars[j + 1] == '/') {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return -1;
    }

    /**
     * The offset just after the quote closing the one opened at {@code open}, or -1 when it is not closed.
     *
     * @param close  the closing quote (the same char as the opening one, or e.g. {@code ]} for {@code [})
     * @param escape how the closing quote can stand inside
     */
    public int quoteEnd(int open, char close, QuoteEscape escape) {
        boolean doubled = escape != QuoteEscape.NONE;
        boolean backslash = escape == QuoteEscape.DOUBLED_OR_BACKSLASH;
        int j = open + 1;
        while (j < chars.length) {
            char c = chars[j];
            if (c == '\\' && backslash) {
                j += 2;
            } else if (c == close) {
                if (doubled && j + 1 < chars.length && chars[j + 1] == close) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------- places

    /** The line of the file at an offset. */
    public int line(int offset) {
        countTo(offset);
        return firstLine + line;
    }

    /** The column at an offset (1-based, in code points). */
    public int column(int offset) {
        countTo(offset);
        return column;
    }

    /** The place of an offset in the file. */
    public Location location(int offset) {
        countTo(offset);
        return new Location(file, firstLine + line, column);
    }

    /** {@code line L, column C} of an offset, for messages. */
    public String describe(int offset) {
        countTo(offset);
        return "line " + (firstLine + line) + ", column " + column;
    }

    private void countTo(int target) {
        Objects.checkFromToIndex(0, target, chars.length);
        if (target < countedTo) {
            countedTo = 0;
            line = 0;
            column = 1;
        }
        for (int at = countedTo; at < target; at++) {
            char c = chars[at];
            if (c == '\n' || (c == '\r' && (at + 1 >= chars.length || chars[at + 1] != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !(Character.isLowSurrogate(c) && at > 0 && Character.isHighSurrogate(chars[at - 1]))) {
                column++;
            }
        }
        countedTo = target;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
