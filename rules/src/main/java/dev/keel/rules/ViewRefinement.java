package dev.keel.rules;

import dev.keel.spi.rule.StatementKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether JSqlParser's tree could change Keel's view of a statement (kind, objects, clauses) from what the {@link
 * LexicalClassifier} read, so that {@link StatementParser} must parse it now; when it cannot, the statement is not
 * parsed unless a rule asks for its tree. {@link StatementParser} takes from the tree: the kind (only where the
 * lexical kind is {@code OTHER} or the statement starts with {@code WITH}), the objects when the tokens named none,
 * {@code WHERE}/{@code LIMIT}/{@code ORDER BY} of an {@code UPDATE} or {@code DELETE} (the tokens find the same at
 * the top level) and the column list of an {@code INSERT} (the tokens find the same in the usual shapes, checked
 * here). {@code LexicalFastPathTest} checks that both ways give the same view and findings on every statement of the
 * test sets.
 */
final class ViewRefinement {

    /** Kinds whose tree gives objects when the tokens named none. */
    private static final Set<StatementKind> TREE_OBJECTS = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.ALTER_TABLE, StatementKind.RENAME_TABLE, StatementKind.DROP_TABLE, StatementKind.DROP_INDEX,
            StatementKind.DROP_SCHEMA, StatementKind.DROP_DATABASE, StatementKind.DROP_OTHER, StatementKind.TRUNCATE,
            StatementKind.INSERT, StatementKind.UPDATE, StatementKind.DELETE);

    private ViewRefinement() {
    }

    /** Whether the tree could tell more than {@code lexical}, read from {@code t} of a statement in {@code sql}. */
    static boolean possible(String sql, SqlTokens t, LexicalClassifier.Classification lexical, boolean mysql) {
        if (lexical.kind() == StatementKind.OTHER || t.word(0).equals("WITH")) {
            return true; // the kind: a CTE may lead to an UPDATE, DELETE or INSERT
        }
        if (lexical.objects().isEmpty() && TREE_OBJECTS.contains(lexical.kind())) {
            return true;
        }
        if (!mysql && sql.contains("\\'")) {
            return true; // a PostgreSQL E'…\'…' string: Keel's tokens and JSqlParser may cut it differently
        }
        return lexical.kind() == StatementKind.INSERT && !columnListClear(t);
    }

    /**
     * Whether the tokens tell for sure if an {@code INSERT} names its columns: a list right after the table ({@code
     * (a, b)}, not a parenthesised query), MySQL's {@code SET a = …}, or no list and no {@code SET} anywhere (an
     * {@code ON CONFLICT … DO UPDATE SET} would read as a column list to the tokens). An alias or a partition between
     * the table and the list is left to the parser.
     */
    private static boolean columnListClear(SqlTokens t) {
        int into = t.indexOf(0, "INTO");
        return t.nameAt(into >= 0 ? into + 1 : 1).map(name -> {
            SqlTokens.Token next = t.get(name.next());
            if (next.is("(")) {
                SqlTokens.Token first = t.get(name.next() + 1);
                return !first.is("SELECT") && !first.is("WITH") && !first.is("VALUES") && !first.is("(");
            }
            if (next.is("SET")) {
                return true;
            }
            boolean noList = next.is("VALUES") || next.is("VALUE") || next.is("SELECT") || next.is("DEFAULT");
            return noList && !t.containsTopLevel("SET");
        }).orElse(false);
    }
}
