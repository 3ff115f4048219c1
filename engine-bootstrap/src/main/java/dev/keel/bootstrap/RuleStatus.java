package dev.keel.bootstrap;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.util.Objects;

/**
 * One discovered rule as the chosen environment runs it ({@code keel lint --rules}): its levels after
 * {@code keel.yaml}'s {@code rules:}, and whether it runs at all. Id, description, pack and parameters are the rule's.
 *
 * @param rule     the rule as its provider offers it
 * @param severity the severity of its findings, as configured
 * @param risk     the risk of its findings, as configured (a finding may report another one)
 * @param enabled  whether it runs: not disabled, and its pack (if any) turned on
 */
public record RuleStatus(Rule rule, Severity severity, Risk risk, boolean enabled) {

    public RuleStatus {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(risk, "risk");
    }
}
