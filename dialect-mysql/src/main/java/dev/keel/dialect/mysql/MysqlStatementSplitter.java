package dev.keel.dialect.mysql;

import dev.keel.core.split.QuoteEscape;
import dev.keel.core.split.ScriptCursor;
import dev.keel.core.split.StatementCollector;
import dev.keel.core.split.Unterminated;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import java.util.List;
import java.util.Locale;

/**
 * Splits MySQL and MariaDB scripts into statements in one pass over the text, reading them as the {@code mysql}
 * client and the server do.
 *
 * <ul>
 *   <li>Quotes: {@code '…'} and {@code "…"} strings (a backslash escapes the next character, a doubled quote
 *       is a quote), {@code `…`} identifiers (a doubled backtick is a backtick).</li>
 *   <li>Comments: {@code #} and {@code -- } to the end of the line ({@code --} starts a comment only when white
 *       space or a control character follows, so {@code 5--1} is arithmetic), {@code /* … *}{@code /} (not
 *       nested). Executable comments {@code /*! … *}{@code /}, {@code /*!50001 … *}{@code /} and MariaDB's
 *       {@code /*M! … *}{@code /} are SQL: they belong to the statement and nothing inside them (not even a
 *       delimiter) ends it.</li>
 *   <li>{@code DELIMITER xx} on a line of its own, between statements, is a client directive: it is not sent,
 *       and until the next {@code DELIMITER} only {@code xx} ends a statement. The delimiter must be made of
 *       symbols ({@code $$}, {@code //}, {@code ;;}); {@code DELIMITER} without one, with extra text, or placed
 *       where it would be sent as SQL (inside an unfinished statement, or after a statement on the same line)
 *       is an error ({@code DIRECTIVE_INVALID}), and so is a last statement that is not ended by a custom
 *       delimiter still in force at the end of the script.</li>
 *   <li>While the delimiter is {@code ;}, routine bodies written without {@code DELIMITER} are found by
 *       {@link CompoundStatementTracker}: the semicolons inside {@code BEGIN … END}, {@code IF … END IF} and the
 *       other blocks of a procedure, function, trigger or event do not split it.</li>
 *   <li>Each statement is cut from its first to its last token: leading and trailing white space and comments
 *       are left out, comments inside are kept as written, the delimiter is dropped. Its line and column (1-based,
 *       columns in code points; CRLF, LF and a lone CR end a line) are those of its first token.</li>
 * </ul>
 *
 * <p>Not supported: the client's other commands ({@code \d}, {@code \G}, {@code source}); the
 * {@code NO_BACKSLASH_ESCAPES} and {@code ANSI_QUOTES} SQL modes (backslashes are always read as escapes).
 * Stateless and thread-safe.
 */
public final class MysqlStatementSplitter implements StatementSplitter {

    public MysqlStatementSplitter() {
        // stateless
    }

    @Override
    public List<SqlStatement> split(String sql, String file, int firstLine) {
        return new Scan(new ScriptCursor(sql, file, firstLine)).run();
    }

    /** The state of one split. */
    private static final class Scan {
        /** Keywords are at most this long; longer words are passed on as "" without building a string. */
        private static final int KEYWORD_MAX = 14;

        private final ScriptCursor script;
        private final String sql;
        private final int n;
        private final StatementCollector statements;

        private String delimiter = ";";
        private int delimiterAt = -1; // the DELIMITER directive in force, -1 for the default
        private char lastPunctuation; // the previous token when it was punctuation
        private CompoundStatementTracker tracker; // null while a custom delimiter is in force

        Scan(ScriptCursor script) {
            this.script = script;
            this.sql = script.text();
            this.n = script.length();
            this.statements = new StatementCollector(script);
            this.tracker = new CompoundStatementTracker(script);
        }

        List<SqlStatement> run() {
            while (!script.atEnd()) {
                int i = script.position();
                if (tracker == null && sql.startsWith(delimiter, i)) {
                    endStatement();
                    script.advance(delimiter.length());
                    continue;
                }
                if (script.skipWhiteSpace() || script.skipLineComment("#") || skipDashDashComment()
                        || !atExecutableComment() && script.skipBlockComment(
                                "close the comment with */ (MySQL block comments do not nest)")) {
                    continue;
                }
                char c = script.peek();
                int next;
                if (atExecutableComment()) {
                    next = executableComment(i);
                } else if (c == ';' && tracker != null) {
                    next = semicolon(i);
                } else if (isWordChar(c)) {
                    next = word(i);
                } else if (c == '\'' || c == '"' || c == '`') {
                    next = quoteEnd(i);
                    statements.token(i, next);
                    if (tracker != null) {
                        tracker.quoted(i);
                    }
                    lastPunctuation = 0;
                } else {
                    next = i + 1;
                    statements.token(i, next);
                    if (tracker != null) {
                        tracker.punctuation(c, i);
                    }
                    lastPunctuation = c;
                }
                script.moveTo(next);
            }
            finish();
            return statements.statements();
        }

        /** Skips a {@code --} comment at the read position: MySQL wants white space or a control character after it. */
        private boolean skipDashDashComment() {
            return script.peek() == '-' && script.peek(1) == '-' && script.peek(2) <= ' ' && script.skipLineComment("--");
        }

        /** Whether an executable comment ({@code /*!}, {@code /*!50001}, {@code /*M!}) opens at the read position. */
        private boolean atExecutableComment() {
            return script.peek() == '/' && script.peek(1) == '*'
                    && (script.peek(2) == '!' || (script.peek(2) == 'M' && script.peek(3) == '!'));
        }

        /** An executable comment: SQL, and a token of the statement. */
        private int executableComment(int i) {
            int close = executableCommentEnd(i);
            statements.token(i, close);
            if (tracker != null) {
                tracker.executableComment();
            }
            lastPunctuation = 0;
            return close;
        }

        private int semicolon(int i) {
            if (!statements.inStatement()) {
                return i + 1; // an empty statement
            }
            if (tracker.semicolon(i)) {
                endStatement();
            } else {
                lastPunctuation = ';';
                statements.token(i, i + 1);
            }
            return i + 1;
        }

        private int word(int i) {
            int j = i + 1;
            while (j < n && isWordChar(script.charAt(j)) && !(tracker == null && sql.startsWith(delimiter, j))) {
                j++;
            }
            boolean keywordPlace = lastPunctuation != '.' && lastPunctuation != '@';
            if (keywordPlace && script.matches(i, j, "delimiter")) {
                if (!statements.inStatement() && atLineStart(i)) {
                    return directive(i, j);
                }
                if (looksLikeDirective(j)) {
                    throw misplacedDirective(i);
                }
            }
            statements.token(i, j);
            if (tracker != null && tracker.followsWords()) {
                String word = j - i <= KEYWORD_MAX ? sql.substring(i, j).toLowerCase(Locale.ROOT) : "";
                boolean label = keywordPlace && colonFollows(j);
                boolean notAtomic = keywordPlace && word.equals("begin") && notAtomicFollows(j);
                tracker.word(word, i, keywordPlace, label, notAtomic);
            }
            lastPunctuation = 0;
            return j;
        }

        private void endStatement() {
            statements.cut();
            lastPunctuation = 0;
            tracker = tracker == null ? null : new CompoundStatementTracker(script);
        }

        private void finish() {
            if (!statements.inStatement()) {
                return;
            }
            if (tracker == null) {
                int start = statements.start();
                throw KeelException.at(ErrorCode.DIRECTIVE_INVALID, script.location(start),
                        "the statement at " + script.describe(start) + " is not ended by the delimiter '" + delimiter
                                + "' set by DELIMITER at " + script.describe(delimiterAt)
                                + " (the script ends first)",
                        "end the statement with " + delimiter + ", or put 'DELIMITER ;' on a line of its own before"
                                + " it to go back to ; for the statements that follow");
            }
            tracker.finish(n);
            endStatement();
        }

        // ------------------------------------------------------------------------------ DELIMITER

        /** Reads {@code DELIMITER xx} from the word at {@code i} to the end of its line; returns where to go on. */
        private int directive(int i, int wordEnd) {
            int k = skipBlanks(wordEnd);
            if (k >= n || isLineBreak(script.charAt(k))) {
                throw directiveError(i, "DELIMITER at " + script.describe(i) + " names no delimiter",
                        "write the new delimiter after it, e.g. 'DELIMITER $$', and 'DELIMITER ;' to go back");
            }
            String value;
            int after;
            char q = script.charAt(k);
            if (q == '\'' || q == '"' || q == '`') {
                int close = k + 1;
                while (close < n && script.charAt(close) != q && !isLineBreak(script.charAt(close))) {
                    close++;
                }
                if (close >= n || script.charAt(close) != q) {
                    throw directiveError(i, "the quoted delimiter after DELIMITER at " + script.describe(i)
                            + " is not closed on its line", "write the delimiter without quotes, e.g. 'DELIMITER $$'");
                }
                value = sql.substring(k + 1, close);
                after = close + 1;
            } else {
                after = script.endOfRun(k, c -> c > ' ');
                value = sql.substring(k, after);
            }
            int rest = skipBlanks(after);
            boolean restIsComment = rest < n && (script.charAt(rest) == '#'
                    || (script.charAt(rest) == '-' && rest + 2 < n && script.charAt(rest + 1) == '-'
                            && script.charAt(rest + 2) <= ' '));
            if (rest < n && !isLineBreak(script.charAt(rest)) && !restIsComment) {
                throw directiveError(i, "DELIMITER at " + script.describe(i) + " is followed by more than one"
                        + " delimiter ('" + sql.substring(k, script.lineEnd(k)).strip() + "')",
                        "put DELIMITER and its one delimiter alone on the line, e.g. 'DELIMITER $$'");
            }
            String problem = delimiterProblem(value);
            if (problem != null) {
                throw directiveError(i, "DELIMITER at " + script.describe(i) + " sets '" + value + "', which "
                        + problem, "use a delimiter made of symbols that cannot appear in SQL text, e.g. $$ or //");
            }
            delimiter = value;
            delimiterAt = value.equals(";") ? -1 : i;
            tracker = value.equals(";") ? new CompoundStatementTracker(script) : null;
            lastPunctuation = 0;
            return script.lineEnd(rest);
        }

        private static String delimiterProblem(String value) {
            if (value.isEmpty()) {
                return "is empty";
            }
            if (value.indexOf('\\') >= 0) {
                return "contains a backslash";
            }
            if (value.contains("'") || value.contains("\"") || value.contains("`") || value.contains("#")
                    || value.contains("--") || value.contains("/*") || value.contains("*/")) {
                return "contains a quote or comment marker";
            }
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c <= ' ') {
                    return "contains white space";
                }
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80) {
                    return "contains letters or digits (it would also match inside names and keywords)";
                }
            }
            return null;
        }

        /** Whether {@code DELIMITER} at a place where it is not a directive is written as one ({@code DELIMITER ;}). */
        private boolean looksLikeDirective(int wordEnd) {
            if (wordEnd >= n || (script.charAt(wordEnd) != ' ' && script.charAt(wordEnd) != '\t')) {
                return false;
            }
            int k = skipBlanks(wordEnd);
            int e = k;
            while (e < n && script.charAt(e) > ' ') {
                char c = script.charAt(e);
                if (isWordChar(c) && c != '$' || c == '\'' || c == '"' || c == '`' || c == '(' || c == ')'
                        || c == ',' || c == '=') {
                    return false;
                }
                e++;
            }
            if (e == k) {
                return false;
            }
            int rest = skipBlanks(e);
            return rest >= n || isLineBreak(script.charAt(rest));
        }

        private KeelException misplacedDirective(int at) {
            if (statements.inStatement()) {
                String ender = tracker != null && tracker.insideBlock()
                        ? "close the block opened at " + script.describe(tracker.innermostOpenAt())
                                + " and end the statement with ;"
                        : "end it with " + delimiter + (delimiter.equals(";") ? "" : " (e.g. END" + delimiter + ")");
                return directiveError(at, "DELIMITER at " + script.describe(at) + " comes before the statement"
                        + " that starts at " + script.describe(statements.start()) + " has ended, so it would be sent"
                        + " to the server as part of it", ender + ", then put DELIMITER on the next line");
            }
            return directiveError(at, "DELIMITER at " + script.describe(at) + " does not start its line",
                    "put DELIMITER and its delimiter on a line of their own");
        }

        private KeelException directiveError(int at, String what, String fix) {
            return KeelException.at(ErrorCode.DIRECTIVE_INVALID, script.location(at), what, fix);
        }

        // ------------------------------------------------------------------------------ lexical pieces

        private int skipBlanks(int from) {
            return script.endOfRun(from, c -> c == ' ' || c == '\t');
        }

        /** Whether only spaces and tabs (or a BOM) stand between the line's start and {@code at}. */
        private boolean atLineStart(int at) {
            int j = at - 1;
            while (j >= 0 && (script.charAt(j) == ' ' || script.charAt(j) == '\t' || script.charAt(j) == '\uFEFF')) {
                j--;
            }
            return j < 0 || isLineBreak(script.charAt(j));
        }

        /** Whether the next token after white space is {@code :} but not {@code :=} (a label). */
        private boolean colonFollows(int from) {
            int j = skipWhiteSpace(from);
            return j < n && script.charAt(j) == ':' && !(j + 1 < n && script.charAt(j + 1) == '=');
        }

        /** Whether the words {@code NOT ATOMIC} follow (MariaDB's {@code BEGIN NOT ATOMIC}). */
        private boolean notAtomicFollows(int from) {
            int j = skipWhiteSpace(from);
            return script.wordAt(j, "not", Scan::isWordChar)
                    && script.wordAt(skipWhiteSpace(j + 3), "atomic", Scan::isWordChar);
        }

        private int skipWhiteSpace(int from) {
            return script.endOfRun(from, c -> c <= ' ');
        }

        /** Index just after an executable comment opened at {@code open}; quotes inside are SQL quotes. */
        private int executableCommentEnd(int open) {
            int j = open + 3;
            while (j + 1 < n) {
                char c = script.charAt(j);
                if (c == '*' && script.charAt(j + 1) == '/') {
                    return j + 2;
                }
                if (c == '\'' || c == '"' || c == '`') {
                    j = quoteEnd(j);
                } else {
                    j++;
                }
            }
            throw Unterminated.COMMENT.at(script, open, "executable comment (/*! … */)", "close the comment with */");
        }

        /** Index just after the quote closing the one at {@code open}. */
        private int quoteEnd(int open) {
            char q = script.charAt(open);
            int close = script.quoteEnd(open, q, q == '`' ? QuoteEscape.DOUBLED : QuoteEscape.DOUBLED_OR_BACKSLASH);
            if (close >= 0) {
                return close;
            }
            throw switch (q) {
                case '\'' -> Unterminated.QUOTE.at(script, open, "string literal",
                        "close the string with ' (write '' or \\' for a quote inside it)");
                case '"' -> Unterminated.QUOTE.at(script, open, "string literal (\")",
                        "close the string with \" (write \"\" or \\\" for a quote inside it)");
                default -> Unterminated.QUOTE.at(script, open, "quoted identifier (`)",
                        "close the identifier with ` (write `` for a backtick inside it)");
            };
        }

        private static boolean isLineBreak(char c) {
            return c == '\n' || c == '\r';
        }

        /** Letters, digits, {@code _}, {@code $} and anything non-ASCII, as in unquoted MySQL identifiers. */
        private static boolean isWordChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                    || c >= 0x80 && c != '\uFEFF';
        }
    }
}
