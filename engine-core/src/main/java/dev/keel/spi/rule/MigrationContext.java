package dev.keel.spi.rule;

import dev.keel.spi.Api;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The migration a statement belongs to, for rules that need more than one statement: all its statements in
 * order, the file, and how the runner wraps it.
 *
 * @param file            the migration file as shown to the user
 * @param wrapped         whether the runner wraps the whole file in one transaction (its transaction mode)
 * @param statements      every statement of the migration, in order
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrationContext(String file, boolean wrapped, List<ParsedStatement> statements) {

    public MigrationContext {
        Objects.requireNonNull(file, "file");
        statements = List.copyOf(statements);
    }

    /** The statements before {@code statement}. */
    public List<ParsedStatement> before(ParsedStatement statement) {
        int i = position(statement);
        return i < 0 ? List.of() : statements.subList(0, i);
    }

    /** The statements after {@code statement}. */
    public List<ParsedStatement> after(ParsedStatement statement) {
        int i = position(statement);
        return i < 0 ? List.of() : statements.subList(i + 1, statements.size());
    }

    /** Lower-case simple names of the tables created by statements before {@code statement} (and not dropped since). */
    public Set<String> tablesCreatedBefore(ParsedStatement statement) {
        Set<String> created = new LinkedHashSet<>();
        for (ParsedStatement s : before(statement)) {
            List<SqlObject> tables = s.objects().stream().filter(o -> o.type() == SqlObject.Type.TABLE).toList();
            if (s.kind() == StatementKind.CREATE_TABLE && !tables.isEmpty()) {
                created.add(tables.get(0).simpleName());
            } else if (s.kind() == StatementKind.DROP_TABLE) {
                tables.forEach(t -> created.remove(t.simpleName()));
            } else if (s.kind() == StatementKind.RENAME_TABLE && tables.size() >= 2
                    && created.remove(tables.get(0).simpleName())) {
                created.add(tables.get(1).simpleName());
            }
        }
        return created;
    }

    /** Whether {@code table} was created earlier in this migration. */
    public boolean createdBefore(ParsedStatement statement, String table) {
        return table != null && tablesCreatedBefore(statement).contains(SqlObject.table(table).simpleName());
    }

    /**
     * Whether {@code statement} runs inside a transaction: the runner wraps the file, or an explicit {@code BEGIN}
     * before it is still open.
     */
    public boolean inTransaction(ParsedStatement statement) {
        if (wrapped) {
            return true;
        }
        boolean open = false;
        for (ParsedStatement s : before(statement)) {
            if (s.kind() == StatementKind.BEGIN) {
                open = true;
            } else if (s.kind() == StatementKind.COMMIT || s.kind() == StatementKind.ROLLBACK) {
                open = false;
            }
        }
        return open;
    }


    private int position(ParsedStatement statement) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == statement) {
                return i;
            }
        }
        return statements.indexOf(statement);
    }
}
