package dev.keel.rules.policy;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
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
final class ColumnTypePolicy implements SchemaPolicy {

    private final String id;
    private final String description;
    private final Risk risk;
    private final Function<ColumnModel, Optional<String>> test;

    ColumnTypePolicy(String id, String description, Risk risk, Function<ColumnModel, Optional<String>> test) {
        this.id = Objects.requireNonNull(id);
        this.description = Objects.requireNonNull(description);
        this.risk = Objects.requireNonNull(risk);
        this.test = Objects.requireNonNull(test);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public Risk defaultRisk() {
        return risk;
    }

    @Override
    public List<String> dialects() {
        return List.of("mysql");
    }

    @Override
    public Optional<String> pack() {
        return Optional.of(TypeNormalisationPack.NAME);
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
        Finding finding = new Finding(id, defaultSeverity(), risk, Location.of(table.name() + "." + column.name()),
                PolicyText.definition(column), "Column " + table.name() + "." + column.name() + " " + problem + ".",
                help, "docs/schema-policies.md#" + id);
        return new PolicyFinding(finding, table.name(), Optional.of(column.name()), fix);
    }

    @Override
    public String toString() {
        return id;
    }
}
