package dev.keel.dialect.sqlite;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.dialect.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits SQLite scripts at {@code ;}, in one pass over the text.
 *
 * <ul>
 *   <li>Quotes: {@code '…'} strings and {@code "…"} / {@code `…`} identifiers (a doubled quote
 *       escapes it), {@code […]} identifiers (no escape). Comments: {@code --} to the end of the
 *       line, {@code /* … *}{@code /} (not nested, as in SQLite).</li>
 *   <li>Trigger bodies: in {@code CREATE [TEMP|TEMPORARY] TRIGGER … BEGIN … END}, semicolons inside
 *       the body do not split. As in SQLite's grammar (and its {@code sqlite3_complete()}), the body
 *       is closed by the {@code END} that starts a body statement — the first word after
 *       {@code BEGIN} or after a {@code ;} inside the body — so neither {@code CASE … END} nor a
 *       column called {@code end} closes it.</li>
 *   <li>Each statement is cut from its first to its last token: leading and trailing whitespace and
 *       comments are left out, comments inside are kept as written, the {@code ;} is dropped. Its
 *       line and column (1-based, counted in code points; CRLF, LF and a lone CR end a line) are
 *       those of its first token.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SqliteStatementSplitter implements StatementSplitter {

    // Recognition of a trigger header, one word at a time.
    private static final int H_START = 0;
    private static final int H_CREATE = 1;
    private static final int H_TEMP = 2;
    private static final int H_TRIGGER = 3;
    private static final int H_OTHER = 4;

    // Where a trigger statement is relative to its body.
    private static final int B_BEFORE = 0;
    private static final int B_INSIDE = 1;
    private static final int B_AFTER = 2;

    public SqliteStatementSplitter() {
        // stateless
    }

    @Override
    public List<SqlStatement> split(String sql, String file, int firstLine) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(file, "file");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1, was " + firstLine);
        }
        final char[] b = sql.toCharArray();
        final int n = b.length;
        final Cursor cursor = new Cursor(b);
        final List<SqlStatement> out = new ArrayList<>();

        int start = -1; // first char of the current statement's first token, -1 before it
        int end = -1; // just after the current statement's last token
        int header = H_START;
        int body = B_BEFORE;
        int beginAt = -1; // the trigger body's BEGIN
        boolean bodyStatementStart = false; // next token starts a statement inside a trigger body
        char lastPunct = 0; // the previous token, when it was punctuation

        int i = 0;
        while (i < n) {
            char c = b[i];
            if (c <= ' ' || c == '\uFEFF') {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && b[i + 1] == '-') {
                i = lineEnd(b, i + 2); // SQLite ends a line comment at LF only
                continue;
            }
            if (c == '/' && i + 1 < n && b[i + 1] == '*') {
                int close = commentEnd(b, i + 2);
                if (close < 0) {
                    throw unterminated(ErrorCode.UNTERMINATED_COMMENT, cursor, file, firstLine, i,
                            "block comment", "close the comment with */ (SQLite block comments do not nest)");
                }
                i = close;
                continue;
            }
            if (c == ';') {
                if (body == B_INSIDE) {
                    end = i + 1;
                    bodyStatementStart = true;
                    lastPunct = c;
                    i++;
                    continue;
                }
                if (start >= 0) {
                    emit(out, sql, cursor, firstLine, start, end);
                }
                start = -1;
                end = -1;
                header = H_START;
                body = B_BEFORE;
                bodyStatementStart = false;
                lastPunct = 0;
                i++;
                continue;
            }

            if (start < 0) {
                start = i;
            }
            if (isWordChar(c)) {
                int j = i + 1;
                while (j < n && isWordChar(b[j])) {
                    j++;
                }
                boolean keywordPlace = lastPunct != '.'; // schema.name is never a keyword
                switch (header) {
                    case H_START:
                        header = keywordPlace && is(b, i, j, "create") ? H_CREATE : H_OTHER;
                        break;
                    case H_CREATE:
                        if (is(b, i, j, "temp") || is(b, i, j, "temporary")) {
                            header = H_TEMP;
                        } else {
                            header = is(b, i, j, "trigger") ? H_TRIGGER : H_OTHER;
                        }
                        break;
                    case H_TEMP:
                        header = is(b, i, j, "trigger") ? H_TRIGGER : H_OTHER;
                        break;
                    case H_TRIGGER:
                        if (body == B_BEFORE) {
                            if (keywordPlace && is(b, i, j, "begin")) {
                                body = B_INSIDE;
                                beginAt = i;
                                bodyStatementStart = true;
                                lastPunct = 0;
                                end = j;
                                i = j;
                                continue;
                            }
                        } else if (body == B_INSIDE && bodyStatementStart && is(b, i, j, "end")) {
                            body = B_AFTER;
                        }
                        break;
                    default:
                        break;
                }
                i = j;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int close = quoteEnd(b, i);
                if (close < 0) {
                    throw unterminatedQuote(cursor, file, firstLine, i, c);
                }
                if (header < H_TRIGGER) {
                    header = H_OTHER;
                }
                i = close;
            } else {
                if (header < H_TRIGGER) {
                    header = H_OTHER;
                }
                i++;
            }
            lastPunct = isWordChar(c) || c == '\'' || c == '"' || c == '`' || c == '[' ? 0 : c;
            bodyStatementStart = false;
            end = i;
        }

        if (body == B_INSIDE) {
            throw unterminated(ErrorCode.UNTERMINATED_BLOCK, cursor, file, firstLine, beginAt,
                    "trigger body (BEGIN)",
                    "end the trigger body with END; after its last statement, and end every statement"
                            + " inside BEGIN … END with ;");
        }
        if (start >= 0) {
            emit(out, sql, cursor, firstLine, start, end);
        }
        return out;
    }

    private static void emit(List<SqlStatement> out, String sql, Cursor cursor, int firstLine, int start, int end) {
        cursor.advanceTo(start);
        out.add(new SqlStatement(sql.substring(start, end), out.size(), firstLine + cursor.line, cursor.column));
    }

    /** Index of the LF ending the line comment, or the end of the text. */
    private static int lineEnd(char[] b, int from) {
        int j = from;
        while (j < b.length && b[j] != '\n') {
            j++;
        }
        return j;
    }

    /** Index just after the closing {@code *}{@code /}, or -1. */
    private static int commentEnd(char[] b, int from) {
        for (int j = from; j + 1 < b.length; j++) {
            if (b[j] == '*' && b[j + 1] == '/') {
                return j + 2;
            }
        }
        return -1;
    }

    /** Index just after the quote closing the one at {@code open}, or -1. */
    private static int quoteEnd(char[] b, int open) {
        char close = b[open] == '[' ? ']' : b[open];
        boolean doubles = close != ']';
        int j = open + 1;
        while (j < b.length) {
            if (b[j] == close) {
                if (doubles && j + 1 < b.length && b[j + 1] == close) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    /** Letters, digits, {@code _}, {@code $} and anything non-ASCII, as in SQLite identifiers. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c >= 0x80;
    }

    /** Whether {@code b[from, to)} is the lower-case ASCII keyword {@code kw}, ignoring case. */
    private static boolean is(char[] b, int from, int to, String kw) {
        if (to - from != kw.length()) {
            return false;
        }
        for (int k = 0; k < kw.length(); k++) {
            if ((b[from + k] | 0x20) != kw.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static KeelException unterminatedQuote(Cursor cursor, String file, int firstLine, int at, char open) {
        switch (open) {
            case '\'':
                return unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, at, "string literal",
                        "close the string with ' (write '' for a quote inside it)");
            case '"':
                return unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, at,
                        "quoted identifier (\")", "close the identifier with \" (write \"\" for a quote inside it)");
            case '`':
                return unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, at,
                        "quoted identifier (`)", "close the identifier with ` (write `` for a backtick inside it)");
            default:
                return unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, at,
                        "bracketed identifier ([)", "close the identifier with ]");
        }
    }

    private static KeelException unterminated(ErrorCode code, Cursor cursor, String file, int firstLine, int at,
            String construct, String fix) {
        cursor.advanceTo(at);
        int line = firstLine + cursor.line;
        return KeelException.at(code, new Location(file, line, cursor.column),
                "unterminated " + construct + " opened at line " + line + ", column " + cursor.column, fix);
    }

    /**
     * Turns offsets into line and column lazily. Offsets are asked for in increasing order
     * (statement starts, then at most one error), so all lookups together read the text once.
     */
    private static final class Cursor {
        private final char[] b;
        private int pos;
        int line; // 0-based, relative to the text
        int column = 1; // 1-based, in code points

        Cursor(char[] b) {
            this.b = b;
        }

        void advanceTo(int target) {
            if (target < pos) {
                pos = 0;
                line = 0;
                column = 1;
            }
            for (; pos < target; pos++) {
                char c = b[pos];
                if (c == '\n' || (c == '\r' && (pos + 1 >= b.length || b[pos + 1] != '\n'))) {
                    line++;
                    column = 1;
                } else if (c != '\r' && !(Character.isLowSurrogate(c) && pos > 0 && Character.isHighSurrogate(b[pos - 1]))) {
                    column++;
                }
            }
        }
    }
}
