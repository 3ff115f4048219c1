package dev.keel.rules;

import dev.keel.spi.rule.LazyDetail;
import java.util.Optional;
import java.util.function.Supplier;
import net.sf.jsqlparser.statement.Statement;

/**
 * A statement's JSqlParser tree, parsed when a rule first asks for it ({@link dev.keel.spi.rule.ParsedStatement#detail},
 * {@link JsqlParsedStatement#ast()}) and kept: {@link StatementParser} classifies statements from their tokens and
 * parses only those whose view needs the tree, so the parse is not paid for statements no rule looks into.
 */
final class JsqlTree implements LazyDetail<Statement> {

    private final Supplier<Optional<Statement>> parse;
    private volatile Optional<Statement> tree;

    /** A tree that {@code parse} produces on first request (it must not throw). */
    JsqlTree(Supplier<Optional<Statement>> parse) {
        this.parse = parse;
    }

    @Override
    public Class<Statement> type() {
        return Statement.class;
    }

    @Override
    public Optional<Statement> value() {
        Optional<Statement> t = tree;
        if (t == null) {
            synchronized (this) {
                t = tree;
                if (t == null) {
                    t = parse.get();
                    tree = t;
                }
            }
        }
        return t;
    }

    /** Whether the statement has been parsed. */
    boolean parsed() {
        return tree != null;
    }

    @Override
    public String toString() {
        Optional<Statement> t = tree;
        return t == null ? "JsqlTree[not parsed]" : "JsqlTree[" + t.map(s -> s.getClass().getSimpleName()).orElse("rejected") + "]";
    }
}
