package dev.keel.rules;

import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link MigrationContext#createdBefore} answered from one pass over the migration instead of a replay of every
 * earlier statement per question: the rules ask it several times per statement, which made a long migration cost
 * the square of its length. The pass applies exactly the context's rules (CREATE TABLE adds its table, DROP TABLE
 * removes its tables, a rename moves a created table to its new name) and records, per table name, at which
 * statements its membership was set and to what.
 */
final class TableHistory {

    /** The history of the context most recently asked about: the rules ask about one migration at a time. */
    private static volatile TableHistory last;

    private final WeakReference<MigrationContext> context;
    private final Map<String, List<int[]>> changes = new HashMap<>();

    private TableHistory(MigrationContext context) {
        this.context = new WeakReference<>(context);
        List<ParsedStatement> statements = context.statements();
        Set<String> created = new LinkedHashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement s = statements.get(i);
            List<SqlObject> tables = s.objects().stream().filter(o -> o.type() == SqlObject.Type.TABLE).toList();
            if (s.kind() == StatementKind.CREATE_TABLE && !tables.isEmpty()) {
                created.add(tables.get(0).simpleName());
                record(i, tables.get(0).simpleName(), created);
            } else if (s.kind() == StatementKind.DROP_TABLE) {
                tables.forEach(t -> created.remove(t.simpleName()));
                for (SqlObject t : tables) {
                    record(i, t.simpleName(), created);
                }
            } else if (s.kind() == StatementKind.RENAME_TABLE && tables.size() >= 2) {
                if (created.remove(tables.get(0).simpleName())) {
                    created.add(tables.get(1).simpleName());
                }
                record(i, tables.get(0).simpleName(), created);
                record(i, tables.get(1).simpleName(), created);
            }
        }
    }

    /** The history of {@code context}, built once while the rules look at it. */
    static TableHistory of(MigrationContext context) {
        TableHistory h = last;
        if (h == null || h.context.get() != context) {
            h = new TableHistory(context);
            last = h;
        }
        return h;
    }

    /** The same answer as {@link MigrationContext#createdBefore(ParsedStatement, String)}. */
    boolean createdBefore(ParsedStatement statement, String table) {
        if (table == null) {
            return false;
        }
        int position = position(statement);
        if (position < 0) {
            return false;
        }
        List<int[]> history = changes.get(SqlObject.table(table).simpleName());
        if (history == null) {
            return false;
        }
        boolean present = false;
        for (int[] change : history) { // in statement order; few per table
            if (change[0] >= position) {
                break;
            }
            present = change[1] == 1;
        }
        return present;
    }

    /** Where the context finds a statement: the same object first, else an equal one; -1 when it has none. */
    private int position(ParsedStatement statement) {
        MigrationContext c = context.get();
        List<ParsedStatement> statements = c == null ? List.of() : c.statements();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == statement) {
                return i;
            }
        }
        return statements.indexOf(statement);
    }

    private void record(int statement, String table, Set<String> created) {
        changes.computeIfAbsent(table, t -> new ArrayList<>()).add(new int[] {statement, created.contains(table) ? 1 : 0});
    }
}
