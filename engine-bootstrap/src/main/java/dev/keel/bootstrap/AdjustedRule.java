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
    private final Optional<Severity> severity;
    private final Optional<Risk> risk;

    AdjustedRule(Rule rule, Optional<Severity> severity, Optional<Risk> risk) {
        this.rule = rule;
        this.severity = severity;
        this.risk = risk;
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
        return severity.orElseGet(rule::defaultSeverity);
    }

    @Override
    public Risk defaultRisk() {
        return risk.orElseGet(rule::defaultRisk);
    }

    @Override
    public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
        return rule.check(statement, migration).stream()
                .map(f -> new Finding(f.ruleId(), severity.orElse(f.severity()), risk.orElse(f.risk()), f.location(),
                        f.excerpt(), f.message(), f.remediation(), f.docsAnchor()))
                .toList();
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
