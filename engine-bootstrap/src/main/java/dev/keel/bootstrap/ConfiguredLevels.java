package dev.keel.bootstrap;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * The severity and risk {@code keel.yaml} sets for one rule or policy id; a configured risk replaces the risk of every
 * finding, version-dependent ones included.
 */
record ConfiguredLevels(Optional<Severity> severity, Optional<Risk> risk) {

    ConfiguredLevels {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(risk, "risk");
    }

    /** Whether the configuration changes nothing. */
    boolean none() {
        return severity.isEmpty() && risk.isEmpty();
    }

    /** The finding with the configured levels. */
    Finding apply(Finding f) {
        return new Finding(f.ruleId(), severity.orElse(f.severity()), risk.orElse(f.risk()), f.location(), f.excerpt(),
                f.message(), f.remediation(), f.docsAnchor());
    }
}
