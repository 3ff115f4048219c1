package dev.keel.dialect.mysql;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(file, "file");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1, was " + firstLine);
        }
        return new Scan(sql, file, firstLine).run();
    }

    /** The state of one split. */
    private static final class Scan {
        /** Keywords are at most this long; longer words are passed on as "" without building a string. */
        private static final int KEYWORD_MAX = 14;

        private final String sql;
        private final char[] b;
        private final int n;
        private final TextPositions positions;
        private final List<SqlStatement> out = new ArrayList<>();

        private String delimiter = ";";
        private int delimiterAt = -1; // the DELIMITER directive in force, -1 for the default
        private int start = -1; // first char of the current statement, -1 before it
        private int end = -1; // just after its last token
        private char lastPunctuation; // the previous token when it was punctuation
        private CompoundStatementTracker tracker; // null while a custom delimiter is in force

        Scan(String sql, String file, int firstLine) {
            this.sql = sql;
            this.b = sql.toCharArray();
            this.n = b.length;
            this.positions = new TextPositions(b, file, firstLine);
            this.tracker = new CompoundStatementTracker(positions);
        }

        List<SqlStatement> run() {
            int i = 0;
            while (i < n) {
                char c = b[i];
                if (tracker == null && sql.startsWith(delimiter, i)) {
                    endStatement();
                    i += delimiter.length();
                    continue;
                }
                if (c <= ' ' || c == '\uFEFF') {
                    i++;
                } else if (c == '#') {
                    i = lineEnd(i + 1);
                } else if (c == '-' && i + 1 < n && b[i + 1] == '-' && (i + 2 >= n || b[i + 2] <= ' ')) {
                    i = lineEnd(i + 2);
                } else if (c == '/' && i + 1 < n && b[i + 1] == '*') {
                    i = comment(i);
                } else if (c == ';' && tracker != null) {
                    i = semicolon(i);
                } else if (isWordChar(c)) {
                    i = word(i);
                } else if (c == '\'' || c == '"' || c == '`') {
                    int close = quoteEnd(i);
                    begin(i);
                    if (tracker != null) {
                        tracker.quoted(i);
                    }
                    lastPunctuation = 0;
                    end = close;
                    i = close;
                } else {
                    begin(i);
                    if (tracker != null) {
                        tracker.punctuation(c, i);
                    }
                    lastPunctuation = c;
                    end = i + 1;
                    i++;
                }
            }
            finish();
            return out;
        }

        private void begin(int at) {
            if (start < 0) {
                start = at;
            }
        }

        private int comment(int i) {
            boolean executable = i + 2 < n && (b[i + 2] == '!' || (b[i + 2] == 'M' && i + 3 < n && b[i + 3] == '!'));
            if (!executable) {
                int close = plainCommentEnd(i + 2);
                if (close < 0) {
                    throw unterminated(ErrorCode.UNTERMINATED_COMMENT, i, "block comment",
                            "close the comment with */ (MySQL block comments do not nest)");
                }
                return close;
            }
            int close = executableCommentEnd(i);
            begin(i);
            if (tracker != null) {
                tracker.executableComment();
            }
            lastPunctuation = 0;
            end = close;
            return close;
        }

        private int semicolon(int i) {
            if (start < 0) {
                return i + 1; // an empty statement
            }
            if (tracker.semicolon(i)) {
                endStatement();
            } else {
                lastPunctuation = ';';
                end = i + 1;
            }
            return i + 1;
        }

        private int word(int i) {
            int j = i + 1;
            while (j < n && isWordChar(b[j]) && !(tracker == null && sql.startsWith(delimiter, j))) {
                j++;
            }
            boolean keywordPlace = lastPunctuation != '.' && lastPunctuation != '@';
            if (keywordPlace && is(i, j, "delimiter")) {
                if (start < 0 && atLineStart(i)) {
                    return directive(i, j);
                }
                if (looksLikeDirective(j)) {
                    throw misplacedDirective(i);
                }
            }
            begin(i);
            if (tracker != null && tracker.followsWords()) {
                String word = j - i <= KEYWORD_MAX ? sql.substring(i, j).toLowerCase(Locale.ROOT) : "";
                boolean label = keywordPlace && colonFollows(j);
                boolean notAtomic = keywordPlace && word.equals("begin") && notAtomicFollows(j);
                tracker.word(word, i, keywordPlace, label, notAtomic);
            }
            lastPunctuation = 0;
            end = j;
            return j;
        }

        private void endStatement() {
            if (start >= 0) {
                out.add(new SqlStatement(sql.substring(start, end), out.size(), positions.line(start),
                        positions.column(start)));
            }
            start = -1;
            end = -1;
            lastPunctuation = 0;
            tracker = tracker == null ? null : new CompoundStatementTracker(positions);
        }

        private void finish() {
            if (start < 0) {
                return;
            }
            if (tracker == null) {
                throw KeelException.at(ErrorCode.DIRECTIVE_INVALID, positions.location(start),
                        "the statement at " + positions.describe(start) + " is not ended by the delimiter '" + delimiter
                                + "' set by DELIMITER at " + positions.describe(delimiterAt)
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
            if (k >= n || b[k] == '\n' || b[k] == '\r') {
                throw directiveError(i, "DELIMITER at " + positions.describe(i) + " names no delimiter",
                        "write the new delimiter after it, e.g. 'DELIMITER $$', and 'DELIMITER ;' to go back");
            }
            String value;
            int after;
            char q = b[k];
            if (q == '\'' || q == '"' || q == '`') {
                int close = k + 1;
                while (close < n && b[close] != q && b[close] != '\n' && b[close] != '\r') {
                    close++;
                }
                if (close >= n || b[close] != q) {
                    throw directiveError(i, "the quoted delimiter after DELIMITER at " + positions.describe(i)
                            + " is not closed on its line", "write the delimiter without quotes, e.g. 'DELIMITER $$'");
                }
                value = sql.substring(k + 1, close);
                after = close + 1;
            } else {
                int e = k;
                while (e < n && b[e] > ' ') {
                    e++;
                }
                value = sql.substring(k, e);
                after = e;
            }
            int rest = skipBlanks(after);
            boolean restIsComment = rest < n && (b[rest] == '#'
                    || (b[rest] == '-' && rest + 2 < n && b[rest + 1] == '-' && b[rest + 2] <= ' '));
            if (rest < n && b[rest] != '\n' && b[rest] != '\r' && !restIsComment) {
                throw directiveError(i, "DELIMITER at " + positions.describe(i) + " is followed by more than one"
                        + " delimiter ('" + sql.substring(k, lineEnd(k)).strip() + "')",
                        "put DELIMITER and its one delimiter alone on the line, e.g. 'DELIMITER $$'");
            }
            String problem = delimiterProblem(value);
            if (problem != null) {
                throw directiveError(i, "DELIMITER at " + positions.describe(i) + " sets '" + value + "', which "
                        + problem, "use a delimiter made of symbols that cannot appear in SQL text, e.g. $$ or //");
            }
            delimiter = value;
            delimiterAt = value.equals(";") ? -1 : i;
            tracker = value.equals(";") ? new CompoundStatementTracker(positions) : null;
            lastPunctuation = 0;
            return lineEnd(rest);
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
            if (wordEnd >= n || (b[wordEnd] != ' ' && b[wordEnd] != '\t')) {
                return false;
            }
            int k = skipBlanks(wordEnd);
            int e = k;
            while (e < n && b[e] > ' ') {
                char c = b[e];
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
            return rest >= n || b[rest] == '\n' || b[rest] == '\r';
        }

        private KeelException misplacedDirective(int at) {
            if (start >= 0) {
                String ender = tracker != null && tracker.insideBlock()
                        ? "close the block opened at " + positions.describe(tracker.innermostOpenAt())
                                + " and end the statement with ;"
                        : "end it with " + delimiter + (delimiter.equals(";") ? "" : " (e.g. END" + delimiter + ")");
                return directiveError(at, "DELIMITER at " + positions.describe(at) + " comes before the statement"
                        + " that starts at " + positions.describe(start) + " has ended, so it would be sent to the"
                        + " server as part of it", ender + ", then put DELIMITER on the next line");
            }
            return directiveError(at, "DELIMITER at " + positions.describe(at) + " does not start its line",
                    "put DELIMITER and its delimiter on a line of their own");
        }

        private KeelException directiveError(int at, String what, String fix) {
            return KeelException.at(ErrorCode.DIRECTIVE_INVALID, positions.location(at), what, fix);
        }

        // ------------------------------------------------------------------------------ lexical pieces

        /** Index of the line end (the LF or CR) after {@code from}, or the end of the text. */
        private int lineEnd(int from) {
            int j = from;
            while (j < n && b[j] != '\n' && b[j] != '\r') {
                j++;
            }
            return j;
        }

        private int skipBlanks(int from) {
            int j = from;
            while (j < n && (b[j] == ' ' || b[j] == '\t')) {
                j++;
            }
            return j;
        }

        /** Whether only spaces and tabs (or a BOM) stand between the line's start and {@code at}. */
        private boolean atLineStart(int at) {
            int j = at - 1;
            while (j >= 0 && (b[j] == ' ' || b[j] == '\t' || b[j] == '\uFEFF')) {
                j--;
            }
            return j < 0 || b[j] == '\n' || b[j] == '\r';
        }

        /** Whether the next token after white space is {@code :} but not {@code :=} (a label). */
        private boolean colonFollows(int from) {
            int j = from;
            while (j < n && b[j] <= ' ') {
                j++;
            }
            return j < n && b[j] == ':' && !(j + 1 < n && b[j + 1] == '=');
        }

        /** Whether the words {@code NOT ATOMIC} follow (MariaDB's {@code BEGIN NOT ATOMIC}). */
        private boolean notAtomicFollows(int from) {
            int j = from;
            while (j < n && b[j] <= ' ') {
                j++;
            }
            if (j + 3 > n || !is(j, j + 3, "not") || (j + 3 < n && isWordChar(b[j + 3]))) {
                return false;
            }
            j += 3;
            while (j < n && b[j] <= ' ') {
                j++;
            }
            return j + 6 <= n && is(j, j + 6, "atomic") && (j + 6 == n || !isWordChar(b[j + 6]));
        }

        /** Index just after the {@code *}{@code /} of a plain comment, or -1. */
        private int plainCommentEnd(int from) {
            for (int j = from; j + 1 < n; j++) {
                if (b[j] == '*' && b[j + 1] == '/') {
                    return j + 2;
                }
            }
            return -1;
        }

        /** Index just after an executable comment opened at {@code open}; quotes inside are SQL quotes. */
        private int executableCommentEnd(int open) {
            int j = open + 3;
            while (j + 1 < n) {
                char c = b[j];
                if (c == '*' && b[j + 1] == '/') {
                    return j + 2;
                }
                if (c == '\'' || c == '"' || c == '`') {
                    j = quoteEnd(j);
                } else {
                    j++;
                }
            }
            throw unterminated(ErrorCode.UNTERMINATED_COMMENT, open, "executable comment (/*! … */)",
                    "close the comment with */");
        }

        /** Index just after the quote closing the one at {@code open}. */
        private int quoteEnd(int open) {
            char q = b[open];
            boolean escapes = q != '`';
            int j = open + 1;
            while (j < n) {
                char c = b[j];
                if (c == '\\' && escapes) {
                    j += 2;
                    continue;
                }
                if (c == q) {
                    if (j + 1 < n && b[j + 1] == q) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            throw switch (q) {
                case '\'' -> unterminated(ErrorCode.UNTERMINATED_QUOTE, open, "string literal",
                        "close the string with ' (write '' or \\' for a quote inside it)");
                case '"' -> unterminated(ErrorCode.UNTERMINATED_QUOTE, open, "string literal (\")",
                        "close the string with \" (write \"\" or \\\" for a quote inside it)");
                default -> unterminated(ErrorCode.UNTERMINATED_QUOTE, open, "quoted identifier (`)",
                        "close the identifier with ` (write `` for a backtick inside it)");
            };
        }

        /** Letters, digits, {@code _}, {@code $} and anything non-ASCII, as in unquoted MySQL identifiers. */
        private static boolean isWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                    || c >= 0x80 && c != '\uFEFF';
        }

        /** Whether {@code b[from, to)} is the lower-case ASCII keyword {@code kw}, ignoring case. */
        private boolean is(int from, int to, String kw) {
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

        private KeelException unterminated(ErrorCode code, int at, String construct, String fix) {
            return KeelException.at(code, positions.location(at),
                    "unterminated " + construct + " opened at " + positions.describe(at), fix);
        }
    }
}
