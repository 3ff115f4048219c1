package dev.keel.bootstrap;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import java.util.Objects;

/**
 * One discovered schema policy as the chosen environment runs it ({@code keel lint --rules}): its levels after
 * {@code keel.yaml}'s {@code rules:}, whether it runs, and whether its fixes are applied.
 *
 * @param policy   the policy as its provider offers it
 * @param severity the severity of its findings, as configured
 * @param risk     the risk of its findings, as configured
 * @param enabled  whether it runs: not disabled, and its pack (if any) turned on
 * @param fixed    whether its fixes are applied after migrating ({@code rules.fix} names its pack)
 */
public record PolicyStatus(SchemaPolicy policy, Severity severity, Risk risk, boolean enabled, boolean fixed) {

    public PolicyStatus {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(risk, "risk");
    }
}
