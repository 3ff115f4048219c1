package dev.keel.dialect.postgres;

import dev.keel.core.split.QuoteEscape;
import dev.keel.core.split.ScriptCursor;
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
        ScriptCursor script = new ScriptCursor(sql, "statement", 1);
        int n = script.length();
        List<String> out = new ArrayList<>();
        while (!script.atEnd() && out.size() < limit) {
            if (script.skipWhiteSpace() || script.skipLineComment("--")) {
                continue;
            }
            int i = script.position();
            char c = script.peek();
            int next;
            if (c == '/' && script.peek(1) == '*') { // tolerant: an unterminated comment ends the list
                next = orEnd(script.nestedBlockCommentEnd(i), n);
            } else if (PostgresStatementSplitter.isIdentStart(c)) {
                next = script.endOfRun(i + 1, PostgresStatementSplitter::isIdentPart);
                if (next == i + 1 && (c == 'E' || c == 'e') && script.peek(1) == '\'') {
                    next = orEnd(script.quoteEnd(next, '\'', QuoteEscape.DOUBLED_OR_BACKSLASH), n);
                    out.add("'");
                } else {
                    out.add(script.slice(i, next).toLowerCase(Locale.ROOT));
                }
            } else if (c >= '0' && c <= '9') {
                next = script.endOfRun(i, d -> Character.isLetterOrDigit(d) || d == '.' || d == '_');
                out.add("0");
            } else if (c == '\'' || c == '"') {
                next = orEnd(script.quoteEnd(i, c, QuoteEscape.DOUBLED), n);
                out.add(String.valueOf(c));
            } else if (c == '$') {
                int tagEnd = PostgresStatementSplitter.dollarTagEnd(script, i);
                if (tagEnd < 0) {
                    out.add("$");
                    next = i + 1;
                } else {
                    String tag = script.slice(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    next = close < 0 ? n : close + tag.length();
                    out.add("'");
                }
            } else {
                out.add(String.valueOf(c));
                next = i + 1;
            }
            script.moveTo(next);
        }
        return out;
    }

    /** An unterminated construct runs to the end. */
    private static int orEnd(int end, int length) {
        return end < 0 ? length : end;
    }
}
