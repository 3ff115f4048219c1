package dev.keel.dialect.postgres;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits PostgreSQL scripts at {@code ;}, in one pass over the text, the way {@code psql} does.
 *
 * <ul>
 *   <li>Quotes: {@code '…'} strings (a doubled quote escapes it; backslashes are plain characters, as with
 *       {@code standard_conforming_strings = on}, the default since 9.1), {@code E'…'} strings (backslash
 *       escapes, e.g. {@code E'it\'s'}), {@code "…"} identifiers ({@code ""} escapes), and dollar quotes
 *       {@code $$…$$} / {@code $tag$…$tag$}: inside one, only the same tag closes it, so other tags nest
 *       freely. A {@code $} that does not open a tag ({@code $1} parameters, {@code a$b} identifiers) is
 *       not a quote.</li>
 *   <li>Comments: {@code --} to the end of the line, {@code /* … *}{@code /} nested as in PostgreSQL.</li>
 *   <li>A {@code ;} ends a statement only outside parentheses (a {@code CREATE RULE … DO (a; b)} stays
 *       whole) and outside the {@code BEGIN ATOMIC … END} body of a {@code CREATE [OR REPLACE]
 *       FUNCTION|PROCEDURE} (SQL-standard bodies, PostgreSQL 14+), where {@code CASE … END} pairs are
 *       counted so that only the body's own {@code END} closes it.</li>
 *   <li>Refused, because only the {@code psql} client understands them: {@code COPY … FROM STDIN} /
 *       {@code TO STDOUT} (the data travels through the client) and psql meta-commands such as
 *       {@code \connect}, {@code \i} or {@code \set} (any backslash outside quotes and comments, which is
 *       never valid SQL).</li>
 *   <li>Each statement is cut from its first to its last token: leading and trailing whitespace and
 *       comments are left out, comments inside are kept as written, the {@code ;} is dropped. Its line and
 *       column (1-based, counted in code points; CRLF, LF and a lone CR end a line) are those of its first
 *       token.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class PostgresStatementSplitter implements StatementSplitter {

    /** The code for statements only a client such as psql understands ({@code COPY … FROM STDIN}, meta-commands). */
    private static final ErrorCode CLIENT_ONLY = ErrorCode.STATEMENT_UNSUPPORTED;

    public PostgresStatementSplitter() {
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
        final Words words = new Words();

        int start = -1; // first char of the current statement's first token, -1 before it
        int end = -1; // just after the current statement's last token
        int parens = 0; // open parentheses
        int parenAt = -1; // the outermost open parenthesis
        int block = 0; // BEGIN ATOMIC nesting (BEGIN and CASE open, END closes)
        int blockAt = -1; // the body's BEGIN
        int pendingBegin = -1; // a BEGIN that opens a body if ATOMIC follows

        int i = 0;
        while (i < n) {
            char c = b[i];
            if (c <= ' ' || c == '\uFEFF') {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && b[i + 1] == '-') {
                i = lineEnd(b, i + 2);
                continue;
            }
            if (c == '/' && i + 1 < n && b[i + 1] == '*') {
                int close = commentEnd(b, i + 2);
                if (close < 0) {
                    throw unterminated(ErrorCode.UNTERMINATED_COMMENT, cursor, file, firstLine, i, "block comment",
                            "close the comment with */ (PostgreSQL block comments nest: each /* needs its own */)");
                }
                i = close;
                continue;
            }
            if (c == ';' && parens == 0 && block == 0) {
                if (start >= 0) {
                    emit(out, sql, cursor, firstLine, start, end);
                }
                start = -1;
                end = -1;
                pendingBegin = -1;
                words.reset();
                i++;
                continue;
            }
            if (c == '\\') {
                throw metaCommand(cursor, file, firstLine, b, i);
            }

            if (start < 0) {
                start = i;
            }
            int begin = pendingBegin;
            pendingBegin = -1;
            if (isIdentStart(c)) {
                int j = i + 1;
                while (j < n && isIdentPart(b[j])) {
                    j++;
                }
                if (j == i + 1 && (c == 'E' || c == 'e') && j < n && b[j] == '\'') {
                    int close = escapeStringEnd(b, j);
                    if (close < 0) {
                        throw unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, i,
                                "escape string (E')",
                                "close the string with ' (inside E'…' write \\' or '' for a quote)");
                    }
                    i = close;
                    end = i;
                    continue;
                }
                if (words.next(b, i, j, parens == 0)) {
                    throw copyThroughClient(cursor, file, firstLine, start, words.copyDirection(b, i, j));
                }
                if (parens == 0 && words.routineHeader()) {
                    if (block == 0) {
                        if (begin >= 0 && is(b, i, j, "atomic")) {
                            block = 1;
                            blockAt = begin;
                        } else if (is(b, i, j, "begin")) {
                            pendingBegin = i;
                        }
                    } else if (is(b, i, j, "case")) {
                        block++;
                    } else if (is(b, i, j, "end")) {
                        block--;
                    }
                }
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < n && (isDigitOrLetter(b[j]) || b[j] == '.' || b[j] == '_')) {
                    j++;
                }
                i = j;
            } else if (c == '\'' || c == '"') {
                int close = quoteEnd(b, i);
                if (close < 0) {
                    throw c == '\''
                            ? unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, i, "string literal",
                                    "close the string with ' (write '' for a quote inside it)")
                            : unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, i,
                                    "quoted identifier (\")", "close the identifier with \" (write \"\" for a quote inside it)");
                }
                i = close;
            } else if (c == '$') {
                int tagEnd = dollarTagEnd(b, i);
                if (tagEnd < 0) {
                    // $1 parameter, or a lone $
                    int j = i + 1;
                    while (j < n && b[j] >= '0' && b[j] <= '9') {
                        j++;
                    }
                    i = j;
                } else {
                    String tag = sql.substring(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    if (close < 0) {
                        throw unterminated(ErrorCode.UNTERMINATED_QUOTE, cursor, file, firstLine, i,
                                "dollar-quoted string (" + tag + ")", "close the body with " + tag
                                        + " (the same tag, same case; other tags inside do not close it)");
                    }
                    i = close + tag.length();
                }
            } else {
                if (c == '(') {
                    if (parens == 0) {
                        parenAt = i;
                    }
                    parens++;
                } else if (c == ')' && parens > 0) {
                    parens--;
                }
                i++;
            }
            end = i;
        }

        if (block > 0) {
            throw unterminated(ErrorCode.UNTERMINATED_BLOCK, cursor, file, firstLine, blockAt,
                    "routine body (BEGIN ATOMIC)",
                    "end the body with END; after its last statement (every CASE inside needs its own END)");
        }
        if (parens > 0) {
            throw unterminated(ErrorCode.UNTERMINATED_BLOCK, cursor, file, firstLine, parenAt, "parenthesis",
                    "close it with ) — semicolons inside parentheses do not end a statement");
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

    /** Index of the line break ending a {@code --} comment, or the end of the text. */
    private static int lineEnd(char[] b, int from) {
        int j = from;
        while (j < b.length && b[j] != '\n' && b[j] != '\r') {
            j++;
        }
        return j;
    }

    /** Index just after the {@code *}{@code /} closing a (nested) block comment, or -1. */
    private static int commentEnd(char[] b, int from) {
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
        return -1;
    }

    /** Index just after the quote closing the {@code '} or {@code "} at {@code open} (doubling escapes), or -1. */
    private static int quoteEnd(char[] b, int open) {
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
        return -1;
    }

    /** Index just after the {@code '} closing the {@code E'} string whose quote is at {@code open}, or -1. */
    private static int escapeStringEnd(char[] b, int open) {
        int j = open + 1;
        while (j < b.length) {
            char c = b[j];
            if (c == '\\') {
                j += 2;
            } else if (c == '\'') {
                if (j + 1 < b.length && b[j + 1] == '\'') {
                    j += 2;
                    continue;
                }
                return j + 1;
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Index just after the opening tag ({@code $$} or {@code $tag$}) at {@code at}, or -1 when none opens there. */
    static int dollarTagEnd(char[] b, int at) {
        int j = at + 1;
        if (j < b.length && b[j] == '$') {
            return j + 1;
        }
        if (j >= b.length || !isTagStart(b[j])) {
            return -1;
        }
        j++;
        while (j < b.length && isTagPart(b[j])) {
            j++;
        }
        return j < b.length && b[j] == '$' ? j + 1 : -1;
    }

    /** First character of an unquoted identifier or keyword. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** Later characters of an unquoted identifier ({@code $} included, as PostgreSQL allows). */
    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean isTagStart(char c) {
        return isIdentStart(c);
    }

    private static boolean isTagPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isDigitOrLetter(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code b[from, to)} is the lower-case ASCII keyword {@code kw}, ignoring case. */
    static boolean is(char[] b, int from, int to, String kw) {
        if (to - from != kw.length()) {
            return false;
        }
        for (int k = 0; k < kw.length(); k++) {
            char c = b[from + k];
            if (c >= 0x80 || (c | 0x20) != kw.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static KeelException metaCommand(Cursor cursor, String file, int firstLine, char[] b, int at) {
        int j = at + 1;
        while (j < b.length && j - at <= 20 && b[j] > ' ' && b[j] != ';') {
            j++;
        }
        String command = new String(b, at, j - at);
        cursor.advanceTo(at);
        int line = firstLine + cursor.line;
        return KeelException.at(CLIENT_ONLY, new Location(file, line, cursor.column),
                "psql meta-command " + command + " at line " + line + ", column " + cursor.column
                        + " is a command of the psql client, not SQL; Keel sends statements to the server itself",
                "Remove it: Keel connects with --url (no \\connect), each migration file stands alone (no \\i or \\ir),"
                        + " and variables (\\set) are not supported; write plain SQL instead (a backslash outside"
                        + " quotes is never valid SQL).");
    }

    private static KeelException copyThroughClient(Cursor cursor, String file, int firstLine, int statementStart,
            String direction) {
        cursor.advanceTo(statementStart);
        int line = firstLine + cursor.line;
        return KeelException.at(CLIENT_ONLY, new Location(file, line, cursor.column),
                "COPY … " + direction + " at line " + line + " needs the psql client to send or receive the data;"
                        + " Keel cannot run it",
                "Load the rows with INSERT … VALUES statements (or COPY from a file on the database server),"
                        + " and remove the data lines and the closing \\. line.");
    }

    private static KeelException unterminated(ErrorCode code, Cursor cursor, String file, int firstLine, int at,
            String construct, String fix) {
        cursor.advanceTo(at);
        int line = firstLine + cursor.line;
        return KeelException.at(code, new Location(file, line, cursor.column),
                "unterminated " + construct + " opened at line " + line + ", column " + cursor.column, fix);
    }

    /**
     * The leading words of the current statement, as far as the splitter needs them: whether it is a
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (whose {@code BEGIN ATOMIC} body holds semicolons) and
     * whether it is a {@code COPY} whose data goes through the client.
     */
    private static final class Words {
        private int count;
        private boolean create;
        private boolean orReplace;
        private boolean routine;
        private boolean copy;
        private boolean afterFromOrTo;

        void reset() {
            count = 0;
            create = false;
            orReplace = false;
            routine = false;
            copy = false;
            afterFromOrTo = false;
        }

        /**
         * Takes the next unquoted word.
         *
         * @param topLevel whether it is outside parentheses
         * @return whether the statement turned out to be {@code COPY … FROM STDIN} or {@code TO STDOUT}
         */
        boolean next(char[] b, int from, int to, boolean topLevel) {
            int index = count++;
            if (index == 0) {
                create = is(b, from, to, "create");
                copy = is(b, from, to, "copy");
                return false;
            }
            if (create && index <= 3) {
                if (index == 1 && is(b, from, to, "or")) {
                    orReplace = true;
                } else if (index == 2 && orReplace && !is(b, from, to, "replace")) {
                    create = false;
                } else if (index == (orReplace ? 3 : 1)) {
                    routine = is(b, from, to, "function") || is(b, from, to, "procedure");
                    create = false;
                }
            }
            if (copy && topLevel) {
                boolean hit = afterFromOrTo && (is(b, from, to, "stdin") || is(b, from, to, "stdout"));
                afterFromOrTo = is(b, from, to, "from") || is(b, from, to, "to");
                return hit;
            }
            return false;
        }

        boolean routineHeader() {
            return routine;
        }

        String copyDirection(char[] b, int from, int to) {
            return is(b, from, to, "stdin") ? "FROM STDIN" : "TO STDOUT";
        }
    }

    /**
     * Turns offsets into line and column lazily. Offsets are asked for in increasing order (statement starts,
     * then at most one error), so all lookups together read the text once.
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
