package dev.keel.rules.policy;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.TableModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every policy of the {@code type-normalisation} pack shares: MySQL only, in the pack, severity warning, its docs
 * section, and findings on one column that show the column as it is now.
 */
abstract class PackPolicy implements SchemaPolicy {

    private final String id;
    private final String description;
    private final Risk risk;

    PackPolicy(String id, String description, Risk risk) {
        this.id = Objects.requireNonNull(id);
        this.description = Objects.requireNonNull(description);
        this.risk = Objects.requireNonNull(risk);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public final Risk defaultRisk() {
        return risk;
    }

    @Override
    public final List<String> dialects() {
        return List.of("mysql");
    }

    @Override
    public final Optional<String> pack() {
        return Optional.of(TypeNormalisationPack.NAME);
    }

    /** A finding on one column: {@code Column t.c <problem>.}, with its help and fix statements. */
    final PolicyFinding columnFinding(TableModel table, ColumnModel column, String problem, String help, List<String> fix) {
        Finding finding = new Finding(id, defaultSeverity(), risk, Location.of(table.name() + "." + column.name()),
                PolicyText.definition(column), "Column " + table.name() + "." + column.name() + " " + problem + ".", help,
                anchor());
        return new PolicyFinding(finding, table.name(), Optional.of(column.name()), fix);
    }

    /** This policy's section in docs/schema-policies.md. */
    final String anchor() {
        return "docs/schema-policies.md#" + id;
    }

    @Override
    public String toString() {
        return id;
    }
}
