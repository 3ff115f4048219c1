package dev.keel.core.source;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a text that keeps only its {@code --} comment lines. Markers and directives are read from
 * these lines wherever they are (SQL quoting is the dialect's business, and a {@code -- keel:} line inside
 * a string literal is not worth a dialect-aware lexer here). Line ends may be LF, CRLF or a lone CR.
 */
final class CommentLines {

    private CommentLines() {
    }

    /** Every line of the text that starts with {@code --} after blanks, in order. */
    static List<CommentLine> scan(String text) {
        List<CommentLine> lines = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int number = 1;
        while (i < n) {
            int start = i;
            int j = i;
            while (j < n && isBlank(text.charAt(j))) {
                j++;
            }
            boolean comment = j + 1 < n && text.charAt(j) == '-' && text.charAt(j + 1) == '-';
            int end = j;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < n) {
                next += text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n' ? 2 : 1;
            }
            if (comment) {
                lines.add(new CommentLine(number, start, next, text.substring(j + 2, end).trim()));
            }
            number++;
            i = next;
        }
        return lines;
    }

    /** 1-based line of an offset, counting line ends as {@link #scan} does; for messages only. */
    static int lineAt(String text, int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }
}
