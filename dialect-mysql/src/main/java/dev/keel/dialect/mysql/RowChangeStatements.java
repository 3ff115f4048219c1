package dev.keel.dialect.mysql;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises the statements that change rows and nothing else ({@code INSERT}, {@code UPDATE}, {@code DELETE},
 * {@code REPLACE}): on MySQL and MariaDB they do not commit by themselves, so such a statement and the progress row
 * written after it can share one transaction. Anything else, including a statement that begins with a conditional
 * comment ({@code /*! … *}{@code /}, whose content the server runs), is not one.
 */
final class RowChangeStatements {

    private static final Set<String> KEYWORDS = Set.of("insert", "update", "delete", "replace");

    private RowChangeStatements() {
    }

    static boolean isRowChange(String sql) {
        int i = firstCode(sql);
        if (i < 0) {
            return false;
        }
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return KEYWORDS.contains(sql.substring(i, end).toLowerCase(Locale.ROOT));
    }

    /** The index of the first character that is neither white space nor in a comment; -1 at a conditional comment. */
    private static int firstCode(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", i) && (i + 2 == n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
                    return -1;
                }
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                return i;
            }
        }
        return -1;
    }
}
