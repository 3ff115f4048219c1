package dev.keel.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one PostgreSQL statement as a list of strings, for recognising statement kinds: unquoted
 * words in lower case, every punctuation character on its own ({@code (}, {@code )}, {@code =}, …),
 * {@code '} for any string or dollar-quoted literal, {@code "} for any quoted identifier, {@code 0} for any
 * number; comments are left out. Tolerant: an unterminated construct simply ends the list (the splitter
 * reports those).
 */
final class StatementTokens {

    private StatementTokens() {
    }

    /** At most {@code limit} tokens of {@code sql}. */
    static List<String> of(String sql, int limit) {
        char[] b = sql.toCharArray();
        int n = b.length;
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < n && out.size() < limit) {
            char c = b[i];
            if (c <= ' ' || c == '\uFEFF') {
                i++;
            } else if (c == '-' && i + 1 < n && b[i + 1] == '-') {
                while (i < n && b[i] != '\n' && b[i] != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && b[i + 1] == '*') {
                i = skipComment(b, i + 2);
            } else if (PostgresStatementSplitter.isIdentStart(c)) {
                int j = i + 1;
                while (j < n && PostgresStatementSplitter.isIdentPart(b[j])) {
                    j++;
                }
                if (j == i + 1 && (c == 'E' || c == 'e') && j < n && b[j] == '\'') {
                    i = skipEscapeString(b, j);
                    out.add("'");
                } else {
                    out.add(new String(b, i, j - i).toLowerCase(Locale.ROOT));
                    i = j;
                }
            } else if (c >= '0' && c <= '9') {
                while (i < n && (Character.isLetterOrDigit(b[i]) || b[i] == '.' || b[i] == '_')) {
                    i++;
                }
                out.add("0");
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(b, i);
                out.add(String.valueOf(c));
            } else if (c == '$') {
                int tagEnd = PostgresStatementSplitter.dollarTagEnd(b, i);
                if (tagEnd < 0) {
                    out.add("$");
                    i++;
                } else {
                    String tag = sql.substring(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    i = close < 0 ? n : close + tag.length();
                    out.add("'");
                }
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private static int skipComment(char[] b, int from) {
        int depth = 1;
        int j = from;
        while (j + 1 < b.length) {
            if (b[j] == '/' && b[j + 1] == '*') {
                depth++;
                j += 2;
            } else if (b[j] == '*' && b[j + 1] == '/') {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return b.length;
    }

    private static int skipQuoted(char[] b, int open) {
        char close = b[open];
        int j = open + 1;
        while (j < b.length) {
            if (b[j] == close) {
                if (j + 1 < b.length && b[j + 1] == close) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return b.length;
    }

    private static int skipEscapeString(char[] b, int open) {
        int j = open + 1;
        while (j < b.length) {
            if (b[j] == '\\') {
                j += 2;
            } else if (b[j] == '\'') {
                if (j + 1 < b.length && b[j + 1] == '\'') {
                    j += 2;
                    continue;
                }
                return j + 1;
            } else {
                j++;
            }
        }
        return b.length;
    }
}
