package dev.keel.rules.policy;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mysql-created-updated-at}: every table has {@code created_at} and {@code updated_at}, date-time columns with a
 * {@code CURRENT_TIMESTAMP} default ({@code updated_at} also {@code ON UPDATE}), each the first column of an index.
 * A missing column is added with its index in one statement.
 */
final class TimestampColumnsPolicy extends PackPolicy {

    static final String ID = "mysql-created-updated-at";

    TimestampColumnsPolicy() {
        super(ID, "Every table has created_at and updated_at DATETIME(3) columns with CURRENT_TIMESTAMP defaults,"
                + " each indexed.", Risk.LOW);
    }

    @Override
    public List<PolicyFinding> check(SchemaModel schema) {
        List<PolicyFinding> findings = new ArrayList<>();
        for (TableModel table : schema.tables()) {
            for (String name : List.of(MysqlColumnTarget.CREATED_AT, MysqlColumnTarget.UPDATED_AT)) {
                Optional<ColumnModel> column = table.column(name);
                if (column.isEmpty()) {
                    findings.add(missing(table, name));
                    continue;
                }
                ColumnModel c = column.get();
                if (!MysqlColumnTarget.TEMPORAL.contains(c.dataType())) {
                    findings.add(columnFinding(table, c, "is " + c.columnType() + ", not a date-time column",
                            "Store it as DATETIME(3) in a migration (converting the values); there is no automatic fix.",
                            List.of()));
                    continue;
                }
                if (MysqlColumnTarget.timestampWithoutDefault(c)) {
                    Optional<String> unfixable = MysqlColumnTarget.unfixable(schema, table, c);
                    List<String> fix = unfixable.isPresent() ? List.of() : List.of(MysqlColumnTarget.modify(table, c));
                    findings.add(columnFinding(table, c, "has no default, so every insert must set it",
                            unfixable.map(why -> "No automatic fix: " + why + ".")
                                    .orElseGet(() -> "Give it DEFAULT CURRENT_TIMESTAMP(3): " + fix.get(0) + ";"),
                            fix));
                }
                if (!table.indexLeadsWith(c.name())) {
                    String add = "ALTER TABLE " + MysqlColumnTarget.quote(table.name()) + " ADD INDEX "
                            + MysqlColumnTarget.quote(indexName(table.name(), c.name())) + " ("
                            + MysqlColumnTarget.quote(c.name()) + ")";
                    findings.add(columnFinding(table, c, "is not indexed, so listing recent rows scans the table",
                            "Index it: " + add + ";", List.of(add)));
                }
            }
        }
        return findings;
    }

    private PolicyFinding missing(TableModel table, String name) {
        String definition = MysqlColumnTarget.quote(name) + " DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                + (name.equals(MysqlColumnTarget.UPDATED_AT) ? " ON UPDATE CURRENT_TIMESTAMP(3)" : "");
        String add = "ALTER TABLE " + MysqlColumnTarget.quote(table.name()) + " ADD COLUMN " + definition + ", ADD INDEX "
                + MysqlColumnTarget.quote(indexName(table.name(), name)) + " (" + MysqlColumnTarget.quote(name) + ")";
        Finding finding = new Finding(ID, defaultSeverity(), defaultRisk(), Location.of(table.name()),
                "table " + table.name(), "Table " + table.name() + " has no " + name + " column.",
                "Add it with its index: " + add + ";", anchor());
        return new PolicyFinding(finding, table.name(), Optional.of(name), List.of(add));
    }

    /** {@code <table>_<column>_idx}, shortened to MySQL's 64-character limit. */
    static String indexName(String table, String column) {
        String suffix = "_" + column + "_idx";
        String head = table.length() + suffix.length() > 64 ? table.substring(0, 64 - suffix.length()) : table;
        return head + suffix;
    }
}
