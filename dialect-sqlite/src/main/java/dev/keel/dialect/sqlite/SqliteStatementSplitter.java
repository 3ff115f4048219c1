package dev.keel.dialect.sqlite;

import dev.keel.core.split.QuoteEscape;
import dev.keel.core.split.ScriptCursor;
import dev.keel.core.split.StatementCollector;
import dev.keel.core.split.Unterminated;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import java.util.List;

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
        final ScriptCursor script = new ScriptCursor(sql, file, firstLine);
        final StatementCollector statements = new StatementCollector(script);

        int header = H_START;
        int body = B_BEFORE;
        int beginAt = -1; // the trigger body's BEGIN
        boolean bodyStatementStart = false; // next token starts a statement inside a trigger body
        char lastPunct = 0; // the previous token, when it was punctuation

        while (!script.atEnd()) {
            if (script.skipWhiteSpace() || skipLineComment(script)
                    || script.skipBlockComment("close the comment with */ (SQLite block comments do not nest)")) {
                continue;
            }
            int i = script.position();
            char c = script.peek();
            if (c == ';') {
                script.advance();
                if (body == B_INSIDE) {
                    statements.token(i, i + 1);
                    bodyStatementStart = true;
                    lastPunct = c;
                    continue;
                }
                statements.cut();
                header = H_START;
                body = B_BEFORE;
                bodyStatementStart = false;
                lastPunct = 0;
                continue;
            }

            int next; // just after this token
            if (isWordChar(c)) {
                next = script.endOfRun(i, SqliteStatementSplitter::isWordChar);
                boolean keywordPlace = lastPunct != '.'; // schema.name is never a keyword
                switch (header) {
                    case H_START:
                        header = keywordPlace && script.matches(i, next, "create") ? H_CREATE : H_OTHER;
                        break;
                    case H_CREATE:
                        if (script.matches(i, next, "temp") || script.matches(i, next, "temporary")) {
                            header = H_TEMP;
                        } else {
                            header = script.matches(i, next, "trigger") ? H_TRIGGER : H_OTHER;
                        }
                        break;
                    case H_TEMP:
                        header = script.matches(i, next, "trigger") ? H_TRIGGER : H_OTHER;
                        break;
                    case H_TRIGGER:
                        if (body == B_BEFORE) {
                            if (keywordPlace && script.matches(i, next, "begin")) {
                                body = B_INSIDE;
                                beginAt = i;
                                bodyStatementStart = true;
                                lastPunct = 0;
                                statements.token(i, next);
                                script.moveTo(next);
                                continue;
                            }
                        } else if (body == B_INSIDE && bodyStatementStart && script.matches(i, next, "end")) {
                            body = B_AFTER;
                        }
                        break;
                    default:
                        break;
                }
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                next = c == '['
                        ? script.quoteEnd(i, ']', QuoteEscape.NONE)
                        : script.quoteEnd(i, c, QuoteEscape.DOUBLED);
                if (next < 0) {
                    throw unterminatedQuote(script, i, c);
                }
                if (header < H_TRIGGER) {
                    header = H_OTHER;
                }
            } else {
                if (header < H_TRIGGER) {
                    header = H_OTHER;
                }
                next = i + 1;
            }
            lastPunct = isWordChar(c) || c == '\'' || c == '"' || c == '`' || c == '[' ? 0 : c;
            bodyStatementStart = false;
            statements.token(i, next);
            script.moveTo(next);
        }

        if (body == B_INSIDE) {
            throw Unterminated.BLOCK.at(script, beginAt, "trigger body (BEGIN)",
                    "end the trigger body with END; after its last statement, and end every statement"
                            + " inside BEGIN … END with ;");
        }
        statements.cut();
        return statements.statements();
    }

    /** Skips a {@code --} comment at the read position: SQLite ends it at LF only. */
    private static boolean skipLineComment(ScriptCursor script) {
        if (script.peek() != '-' || script.peek(1) != '-') {
            return false;
        }
        int lf = script.text().indexOf('\n', script.position() + 2);
        script.moveTo(lf < 0 ? script.length() : lf);
        return true;
    }

    /** Letters, digits, {@code _}, {@code $} and anything non-ASCII, as in SQLite identifiers. */
    private static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c >= 0x80;
    }

    private static KeelException unterminatedQuote(ScriptCursor script, int at, char open) {
        switch (open) {
            case '\'':
                return Unterminated.QUOTE.at(script, at, "string literal",
                        "close the string with ' (write '' for a quote inside it)");
            case '"':
                return Unterminated.QUOTE.at(script, at, "quoted identifier (\")",
                        "close the identifier with \" (write \"\" for a quote inside it)");
            case '`':
                return Unterminated.QUOTE.at(script, at, "quoted identifier (`)",
                        "close the identifier with ` (write `` for a backtick inside it)");
            default:
                return Unterminated.QUOTE.at(script, at, "bracketed identifier ([)", "close the identifier with ]");
        }
    }
}
