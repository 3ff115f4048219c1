package dev.keel.rules.policy;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A policy of the {@code type-normalisation} pack that looks at one column at a time: a test saying what is wrong
 * with a column (empty when nothing is), and the column's normalised definition ({@link MysqlColumnTarget}) as fix.
 */
final class ColumnTypePolicy extends PackPolicy {

    private final Function<ColumnModel, Optional<String>> test;

    ColumnTypePolicy(String id, String description, Risk risk, Function<ColumnModel, Optional<String>> test) {
        super(id, description, risk);
        this.test = Objects.requireNonNull(test);
    }

    @Override
    public List<PolicyFinding> check(SchemaModel schema) {
        List<PolicyFinding> findings = new ArrayList<>();
        for (TableModel table : schema.tables()) {
            for (ColumnModel column : table.columns()) {
                test.apply(column).ifPresent(problem -> findings.add(finding(schema, table, column, problem)));
            }
        }
        return findings;
    }

    private PolicyFinding finding(SchemaModel schema, TableModel table, ColumnModel column, String problem) {
        Optional<String> unfixable = MysqlColumnTarget.unfixable(schema, table, column);
        List<String> fix = unfixable.isPresent() ? List.of() : List.of(MysqlColumnTarget.modify(table, column));
        String help = unfixable.map(why -> "No automatic fix: " + why + ".")
                .orElseGet(() -> "Change it in a migration, or let Keel apply the fix (rules.fix: ["
                        + TypeNormalisationPack.NAME + "]): " + fix.get(0) + ";");
        return columnFinding(table, column, problem, help, fix);
    }
}
