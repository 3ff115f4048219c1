package dev.keel.bootstrap;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule whose severity or risk {@code keel.yaml} changed: its findings, and the defaults reporters list, carry the
 * configured levels. A configured risk replaces the risk of every finding, version-dependent ones included.
 */
final class AdjustedRule implements Rule {

    private final Rule rule;
    private final ConfiguredLevels levels;

    AdjustedRule(Rule rule, ConfiguredLevels levels) {
        this.rule = rule;
        this.levels = levels;
    }

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    public String description() {
        return rule.description();
    }

    @Override
    public Severity defaultSeverity() {
        return levels.severity().orElseGet(rule::defaultSeverity);
    }

    @Override
    public Risk defaultRisk() {
        return levels.risk().orElseGet(rule::defaultRisk);
    }

    @Override
    public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
        return rule.check(statement, migration).stream().map(levels::apply).toList();
    }

    @Override
    public Optional<String> pack() {
        return rule.pack();
    }

    @Override
    public Map<String, String> parameters() {
        return rule.parameters();
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
