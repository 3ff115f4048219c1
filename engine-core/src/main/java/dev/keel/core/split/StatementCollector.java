package dev.keel.core.split;

import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Collects the statements of one split. The splitter reports each token of the current statement with
 * {@link #token(int, int)} — whatever its language counts as one: a word, a quoted string, punctuation, a MySQL
 * executable comment — and never reports white space or comments; {@link #cut()} ends the statement where the
 * language says it ends. So each statement runs from its first token to its last: leading and trailing white space
 * and comments are left out, those between tokens are kept as written, the delimiter is not part of it (unless
 * reported as a token), and a stretch without tokens gives no statement.
 *
 * <p>Statements are numbered densely from 0; each carries the line and column of its first token, honouring the
 * cursor's first line. One collector serves one split: it is not thread-safe.
 */
public final class StatementCollector {

    private final ScriptCursor script;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int start = -1; // the current statement's first token, -1 before it
    private int end = -1; // just after its last token

    /** A collector for the statements of the script read by {@code script}. */
    public StatementCollector(ScriptCursor script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * A token of the current statement at {@code [from, to)}; the first one starts the statement.
     * Tokens come in order.
     */
    public void token(int from, int to) {
        if (start < 0) {
            start = from;
        }
        end = to;
    }

    /** Whether the current statement has a token yet. */
    public boolean inStatement() {
        return start >= 0;
    }

    /** The offset of the current statement's first token, or -1 before it. */
    public int start() {
        return start;
    }

    /** Ends the current statement: adds it when it has a token, and starts the next one. */
    public void cut() {
        if (start >= 0) {
            statements.add(new SqlStatement(script.slice(start, end), statements.size(), script.line(start),
                    script.column(start)));
        }
        start = -1;
        end = -1;
    }

    /** The statements cut so far, in order (a read-only view). */
    public List<SqlStatement> statements() {
        return Collections.unmodifiableList(statements);
    }
}
