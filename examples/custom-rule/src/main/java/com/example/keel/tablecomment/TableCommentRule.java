package com.example.keel.tablecomment;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every new table has a comment, given in the same migration: on PostgreSQL a {@code COMMENT ON TABLE} after the
 * {@code CREATE TABLE}; on MySQL and MariaDB a {@code COMMENT='…'} table option, or an {@code ALTER TABLE … COMMENT='…'}
 * later in the migration. SQLite has no table comments, so the rule does not apply there. Temporary tables are left
 * alone.
 */
public final class TableCommentRule implements Rule {

    /** The rule's id: with this plugin's own prefix, unique among all rules Keel loads. */
    public static final String ID = "example-table-comment";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Every new table has a comment in the same migration (PostgreSQL, MySQL/MariaDB).";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public Risk defaultRisk() {
        return Risk.LOW;
    }

    @Override
    public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
        if (statement.kind() != StatementKind.CREATE_TABLE || statement.table().isEmpty()
                || TableComments.createsTemporaryTable(statement.sql())) {
            return List.of();
        }
        String table = statement.table().get();
        Optional<String> fix = switch (statement.dialect()) {
            case "postgres" -> commentedLater(table, statement, migration, TableComments::postgresCommentTarget)
                    ? Optional.empty()
                    : Optional.of("Add COMMENT ON TABLE " + table + " IS '…'; to this migration, after the CREATE TABLE.");
            case "mysql" -> TableComments.mysqlCreateHasComment(statement.sql())
                    || commentedLater(table, statement, migration, TableComments::mysqlAlterCommentTarget)
                    ? Optional.empty()
                    : Optional.of("Add the table option COMMENT='what it holds' after the column list of the CREATE"
                            + " TABLE, or ALTER TABLE " + table + " COMMENT='…' later in this migration.");
            default -> Optional.empty(); // SQLite has no table comments
        };
        return fix.map(remediation -> List.of(new Finding(ID, defaultSeverity(), defaultRisk(),
                        new Location(migration.file(), statement.line(), statement.column()), statement.excerpt(),
                        "Table " + table + " is created without a comment, so readers of the schema cannot tell what it"
                                + " holds.",
                        remediation, "examples/custom-rule/README.md#the-rule")))
                .orElse(List.of());
    }

    /** Whether a statement after {@code create} gives {@code table} a comment, as {@code target} reads statements. */
    private static boolean commentedLater(String table, ParsedStatement create, MigrationContext migration,
            Function<String, Optional<String>> target) {
        String name = TableComments.simpleName(table);
        return migration.after(create).stream()
                .anyMatch(s -> target.apply(s.sql()).filter(name::equals).isPresent());
    }
}
