package dev.keel.core.source;

/**
 * Finds the first SQL code in a text: everything else is whitespace, {@code --} line comments or
 * {@code /* … *}{@code /} block comments. It stops at the first code, so on a real migration it reads only
 * the header. MySQL's executable comments ({@code /*! … *}{@code /}) count as code.
 *
 * <p>Block comments nest in PostgreSQL but not in MySQL or SQLite, so callers that must be sure a text does
 * nothing (a no-op migration sends nothing to the database) ask both ways.
 */
final class CommentScanner {

    private CommentScanner() {
    }

    /** Scans {@code [from, to)} of the text; {@code nested} says whether block comments nest. */
    static CodeScan scan(String text, int from, int to, boolean nested) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < to && text.charAt(i + 1) == '-') {
                i += 2;
                while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*'
                    && !(i + 2 < to && text.charAt(i + 2) == '!')) {
                int open = i;
                i = skipBlock(text, i + 2, to, nested);
                if (i < 0) {
                    return new CodeScan(-1, open);
                }
            } else {
                return new CodeScan(i, -1);
            }
        }
        return new CodeScan(-1, -1);
    }

    /** Offset after the comment's end, or -1 when it does not end before {@code to}. */
    private static int skipBlock(String text, int i, int to, boolean nested) {
        int depth = 1;
        while (i + 1 < to) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            if (c == '*' && d == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else if (nested && c == '/' && d == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }
}
