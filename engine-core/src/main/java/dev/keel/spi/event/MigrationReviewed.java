package dev.keel.spi.event;

import dev.keel.spi.Api;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Acceptance;
import dev.keel.spi.rule.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The rules reviewed a pending migration for {@code plan}, {@code validate} or {@code migrate}, before anything runs:
 * its risk (the highest of its statements'), the findings that count, and apart from them those accepted by
 * {@code -- keel:allow} with their reasons. Sent for every pending migration, so a listener sees the findings of a
 * run that a lint error or the confirmation gate then stops.
 *
 * @param version  the migration's version
 * @param script   its file name
 * @param risk     its risk
 * @param findings its findings, in line order
 * @param accepted the findings its {@code -- keel:allow} directives accepted, in line order
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationReviewed(String version, String script, Risk risk, List<Finding> findings,
        List<Acceptance> accepted) implements KeelEvent {

    public MigrationReviewed {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(risk, "risk");
        findings = List.copyOf(findings);
        accepted = List.copyOf(accepted);
    }

    /** A review in which nothing was accepted. */
    public MigrationReviewed(String version, String script, Risk risk, List<Finding> findings) {
        this(version, script, risk, findings, List.of());
    }
}
