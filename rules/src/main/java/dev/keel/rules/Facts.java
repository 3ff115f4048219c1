package dev.keel.rules;

import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;

/** Questions several rules ask about a statement and its migration. */
final class Facts {

    private Facts() {
    }

    /** The statement's main table if it existed before the migration (was not created earlier in it). */
    static Optional<String> existingTable(JsqlParsedStatement s, MigrationContext m) {
        return s.view().table().filter(t -> !TableHistory.of(m).createdBefore(s.view(), t));
    }

    /** Whether the statement's main table existed before the migration. */
    static boolean onExistingTable(JsqlParsedStatement s, MigrationContext m) {
        return existingTable(s, m).isPresent();
    }

    /** The ALTER TABLE actions when the altered table existed before the migration; none otherwise. */
    static List<SqlTokens> actionsOnExistingTable(JsqlParsedStatement s, MigrationContext m) {
        return onExistingTable(s, m) ? s.alterActions() : List.of();
    }

    /** Whether an action adds a table constraint of the given type ({@code UNIQUE}, {@code CHECK}, …). */
    static boolean addsConstraint(SqlTokens a, String... type) {
        if (!a.matches(0, "ADD")) {
            return false;
        }
        int at = 1;
        if (a.matches(1, "CONSTRAINT")) {
            at = a.get(2).isName() && !a.get(2).is(type[0]) ? 3 : 2;
        }
        return a.matches(at, type);
    }

    /** The name in an {@code ADD CONSTRAINT name …} action. */
    static Optional<String> constraintName(SqlTokens a) {
        return a.matches(0, "ADD", "CONSTRAINT") ? a.nameAt(2).map(SqlTokens.Name::text) : Optional.empty();
    }

    /** Whether the file or an open {@code BEGIN} puts the statement in a transaction. */
    static boolean inTransaction(JsqlParsedStatement s, MigrationContext m) {
        return m.inTransaction(s.view());
    }

    /** Whether an earlier statement is a {@code SET} of one of the given settings. */
    static boolean setBefore(JsqlParsedStatement s, MigrationContext m, String... settings) {
        for (ParsedStatement p : m.before(s.view())) {
            if (p.kind() != StatementKind.SET && !(p.kind() == StatementKind.SELECT && p.sql().contains("set_config"))) {
                continue;
            }
            String sql = p.sql().toLowerCase(java.util.Locale.ROOT);
            for (String setting : settings) {
                if (sql.contains(setting)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A table name for messages. */
    static String table(JsqlParsedStatement s) {
        return s.view().table().orElse("the table");
    }

    /** Whether the statement takes a lock on an existing table that blocks its readers or writers (PostgreSQL). */
    static boolean locksExistingTable(JsqlParsedStatement s, MigrationContext m) {
        ParsedStatement v = s.view();
        return switch (v.kind()) {
            case ALTER_TABLE, DROP_TABLE, TRUNCATE, RENAME_TABLE, CLUSTER -> onExistingTable(s, m);
            case CREATE_INDEX -> !v.has(dev.keel.spi.rule.Clause.CONCURRENTLY) && onExistingTable(s, m);
            case DROP_INDEX, REINDEX -> !v.has(dev.keel.spi.rule.Clause.CONCURRENTLY);
            case VACUUM -> s.tokens().contains("FULL");
            default -> false;
        };
    }

    /** Lower-case simple name. */
    static String simple(String name) {
        return new SqlObject(SqlObject.Type.OTHER, name).simpleName();
    }
}
