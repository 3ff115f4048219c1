package dev.keel.dialect.postgres;

import dev.keel.core.split.QuoteEscape;
import dev.keel.core.split.ScriptCursor;
import dev.keel.core.split.StatementCollector;
import dev.keel.core.split.Unterminated;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import java.util.List;

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
        final ScriptCursor script = new ScriptCursor(sql, file, firstLine);
        final StatementCollector statements = new StatementCollector(script);
        final Words words = new Words(script);

        int parens = 0; // open parentheses
        int parenAt = -1; // the outermost open parenthesis
        int block = 0; // BEGIN ATOMIC nesting (BEGIN and CASE open, END closes)
        int blockAt = -1; // the body's BEGIN
        int pendingBegin = -1; // a BEGIN that opens a body if ATOMIC follows

        while (!script.atEnd()) {
            if (script.skipWhiteSpace() || script.skipLineComment("--") || script.skipNestedBlockComment(
                    "close the comment with */ (PostgreSQL block comments nest: each /* needs its own */)")) {
                continue;
            }
            int i = script.position();
            char c = script.peek();
            if (c == ';' && parens == 0 && block == 0) {
                statements.cut();
                pendingBegin = -1;
                words.reset();
                script.advance();
                continue;
            }
            if (c == '\\') {
                throw metaCommand(script, i);
            }

            int begin = pendingBegin;
            pendingBegin = -1;
            int next; // just after this token
            if (isIdentStart(c)) {
                next = script.endOfRun(i + 1, PostgresStatementSplitter::isIdentPart);
                if (next == i + 1 && (c == 'E' || c == 'e') && script.peek(1) == '\'') {
                    next = script.quoteEnd(next, '\'', QuoteEscape.DOUBLED_OR_BACKSLASH);
                    if (next < 0) {
                        throw Unterminated.QUOTE.at(script, i, "escape string (E')",
                                "close the string with ' (inside E'…' write \\' or '' for a quote)");
                    }
                } else {
                    int statementStart = statements.inStatement() ? statements.start() : i;
                    if (words.next(i, next, parens == 0)) {
                        throw copyThroughClient(script, statementStart, words.copyDirection(i, next));
                    }
                    if (parens == 0 && words.routineHeader()) {
                        if (block == 0) {
                            if (begin >= 0 && script.matches(i, next, "atomic")) {
                                block = 1;
                                blockAt = begin;
                            } else if (script.matches(i, next, "begin")) {
                                pendingBegin = i;
                            }
                        } else if (script.matches(i, next, "case")) {
                            block++;
                        } else if (script.matches(i, next, "end")) {
                            block--;
                        }
                    }
                }
            } else if (c >= '0' && c <= '9') {
                next = script.endOfRun(i + 1, d -> isDigitOrLetter(d) || d == '.' || d == '_');
            } else if (c == '\'' || c == '"') {
                next = script.quoteEnd(i, c, QuoteEscape.DOUBLED);
                if (next < 0) {
                    throw c == '\''
                            ? Unterminated.QUOTE.at(script, i, "string literal",
                                    "close the string with ' (write '' for a quote inside it)")
                            : Unterminated.QUOTE.at(script, i, "quoted identifier (\")",
                                    "close the identifier with \" (write \"\" for a quote inside it)");
                }
            } else if (c == '$') {
                next = dollarQuoteEnd(script, i);
            } else {
                if (c == '(') {
                    if (parens == 0) {
                        parenAt = i;
                    }
                    parens++;
                } else if (c == ')' && parens > 0) {
                    parens--;
                }
                next = i + 1;
            }
            statements.token(i, next);
            script.moveTo(next);
        }

        if (block > 0) {
            throw Unterminated.BLOCK.at(script, blockAt, "routine body (BEGIN ATOMIC)",
                    "end the body with END; after its last statement (every CASE inside needs its own END)");
        }
        if (parens > 0) {
            throw Unterminated.BLOCK.at(script, parenAt, "parenthesis",
                    "close it with ) — semicolons inside parentheses do not end a statement");
        }
        statements.cut();
        return statements.statements();
    }

    /** Just after the dollar-quoted string or the {@code $1} parameter (or lone {@code $}) at {@code at}. */
    private static int dollarQuoteEnd(ScriptCursor script, int at) {
        int tagEnd = dollarTagEnd(script, at);
        if (tagEnd < 0) {
            return script.endOfRun(at + 1, d -> d >= '0' && d <= '9');
        }
        String tag = script.slice(at, tagEnd);
        int close = script.text().indexOf(tag, tagEnd);
        if (close < 0) {
            throw Unterminated.QUOTE.at(script, at, "dollar-quoted string (" + tag + ")", "close the body with " + tag
                    + " (the same tag, same case; other tags inside do not close it)");
        }
        return close + tag.length();
    }

    /** Index just after the opening tag ({@code $$} or {@code $tag$}) at {@code at}, or -1 when none opens there. */
    static int dollarTagEnd(ScriptCursor script, int at) {
        int n = script.length();
        int j = at + 1;
        if (j < n && script.charAt(j) == '$') {
            return j + 1;
        }
        if (j >= n || !isIdentStart(script.charAt(j))) {
            return -1;
        }
        j = script.endOfRun(j + 1, PostgresStatementSplitter::isTagPart);
        return j < n && script.charAt(j) == '$' ? j + 1 : -1;
    }

    /** First character of an unquoted identifier or keyword. */
    static boolean isIdentStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** Later characters of an unquoted identifier ({@code $} included, as PostgreSQL allows). */
    static boolean isIdentPart(int c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean isTagPart(int c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isDigitOrLetter(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static KeelException metaCommand(ScriptCursor script, int at) {
        int j = at + 1;
        while (j < script.length() && j - at <= 20 && script.charAt(j) > ' ' && script.charAt(j) != ';') {
            j++;
        }
        String command = script.slice(at, j);
        return KeelException.at(CLIENT_ONLY, script.location(at),
                "psql meta-command " + command + " at " + script.describe(at)
                        + " is a command of the psql client, not SQL; Keel sends statements to the server itself",
                "Remove it: Keel connects with --url (no \\connect), each migration file stands alone (no \\i or \\ir),"
                        + " and variables (\\set) are not supported; write plain SQL instead (a backslash outside"
                        + " quotes is never valid SQL).");
    }

    private static KeelException copyThroughClient(ScriptCursor script, int statementStart, String direction) {
        return KeelException.at(CLIENT_ONLY, script.location(statementStart),
                "COPY … " + direction + " at line " + script.line(statementStart)
                        + " needs the psql client to send or receive the data; Keel cannot run it",
                "Load the rows with INSERT … VALUES statements (or COPY from a file on the database server),"
                        + " and remove the data lines and the closing \\. line.");
    }

    /**
     * The leading words of the current statement, as far as the splitter needs them: whether it is a
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (whose {@code BEGIN ATOMIC} body holds semicolons) and
     * whether it is a {@code COPY} whose data goes through the client.
     */
    private static final class Words {
        private final ScriptCursor script;
        private int count;
        private boolean create;
        private boolean orReplace;
        private boolean routine;
        private boolean copy;
        private boolean afterFromOrTo;

        Words(ScriptCursor script) {
            this.script = script;
        }

        void reset() {
            count = 0;
            create = false;
            orReplace = false;
            routine = false;
            copy = false;
            afterFromOrTo = false;
        }

        /**
         * Takes the next unquoted word, at {@code [from, to)}.
         *
         * @param topLevel whether it is outside parentheses
         * @return whether the statement turned out to be {@code COPY … FROM STDIN} or {@code TO STDOUT}
         */
        boolean next(int from, int to, boolean topLevel) {
            int index = count++;
            if (index == 0) {
                create = is(from, to, "create");
                copy = is(from, to, "copy");
                return false;
            }
            if (create && index <= 3) {
                if (index == 1 && is(from, to, "or")) {
                    orReplace = true;
                } else if (index == 2 && orReplace && !is(from, to, "replace")) {
                    create = false;
                } else if (index == (orReplace ? 3 : 1)) {
                    routine = is(from, to, "function") || is(from, to, "procedure");
                    create = false;
                }
            }
            if (copy && topLevel) {
                boolean hit = afterFromOrTo && (is(from, to, "stdin") || is(from, to, "stdout"));
                afterFromOrTo = is(from, to, "from") || is(from, to, "to");
                return hit;
            }
            return false;
        }

        boolean routineHeader() {
            return routine;
        }

        String copyDirection(int from, int to) {
            return is(from, to, "stdin") ? "FROM STDIN" : "TO STDOUT";
        }

        private boolean is(int from, int to, String word) {
            return script.matches(from, to, word);
        }
    }
}
