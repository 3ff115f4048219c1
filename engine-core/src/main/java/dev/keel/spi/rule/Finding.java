package dev.keel.spi.rule;

import dev.keel.spi.Risk;
import dev.keel.spi.Api;
import dev.keel.spi.Location;
import java.util.Objects;

/**
 * What a rule found in a statement: rule id, severity, risk, place, the statement excerpt,
 * the message, the safe way to do it, and a docs anchor (SPEC §5).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Finding(
        String ruleId,
        Severity severity,
        Risk risk,
        Location location,
        String excerpt,
        String message,
        String remediation,
        String docsAnchor) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(docsAnchor, "docsAnchor");
    }
}
