package dev.keel.bootstrap;

import dev.keel.spi.migration.Allowance;
import dev.keel.spi.rule.Finding;
import java.util.Objects;

/**
 * A finding that a {@code -- keel:allow} directive accepted: it stays in the report with the reason, but counts neither
 * toward the exit code nor toward the migration's risk.
 *
 * @param finding   the finding, as the rule reported it (with the configured levels)
 * @param allowance the directive that accepted it
 */
public record AcceptedFinding(Finding finding, Allowance allowance) {

    public AcceptedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(allowance, "allowance");
    }
}
