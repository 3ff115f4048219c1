package dev.keel.bootstrap;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.schema.SchemaModel;
import java.util.List;
import java.util.Optional;

/** A schema policy whose severity or risk {@code keel.yaml} changed: its findings carry the configured levels. */
final class AdjustedPolicy implements SchemaPolicy {

    private final SchemaPolicy policy;
    private final ConfiguredLevels levels;

    AdjustedPolicy(SchemaPolicy policy, ConfiguredLevels levels) {
        this.policy = policy;
        this.levels = levels;
    }

    @Override
    public String id() {
        return policy.id();
    }

    @Override
    public String description() {
        return policy.description();
    }

    @Override
    public Severity defaultSeverity() {
        return levels.severity().orElseGet(policy::defaultSeverity);
    }

    @Override
    public Risk defaultRisk() {
        return levels.risk().orElseGet(policy::defaultRisk);
    }

    @Override
    public List<String> dialects() {
        return policy.dialects();
    }

    @Override
    public List<PolicyFinding> check(SchemaModel schema) {
        return policy.check(schema).stream().map(f -> f.withFinding(levels.apply(f.finding()))).toList();
    }

    @Override
    public Optional<String> pack() {
        return policy.pack();
    }

    @Override
    public String toString() {
        return policy.toString();
    }
}
