package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.Risk;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pending migration as it will run: its script, its statements as the dialect splits them, how the run is
 * protected ({@code transaction} or {@code none}), the partial attempt it resumes, if any, and its risk as the rules
 * judged it (the highest of its statements' risks; {@code low} until the rules reviewed it). The findings themselves
 * are reported with the {@code MigrationReviewed} event.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PlannedMigration(
        MigrationScript script,
        List<SqlStatement> statements,
        Protection protection,
        Optional<AppliedMigration> resumes,
        Risk risk) {

    public PlannedMigration {
        Objects.requireNonNull(script, "script");
        statements = List.copyOf(statements);
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(resumes, "resumes");
        Objects.requireNonNull(risk, "risk");
    }

    /** A migration not reviewed by the rules yet. */
    public PlannedMigration(MigrationScript script, List<SqlStatement> statements, Protection protection,
            Optional<AppliedMigration> resumes) {
        this(script, statements, protection, resumes, Risk.LOW);
    }

    /** The same migration with the risk the rules found. */
    public PlannedMigration withRisk(Risk reviewedRisk) {
        return new PlannedMigration(script, statements, protection, resumes, reviewedRisk);
    }

    /** How many leading statements a partial attempt already applied (0 unless resuming). */
    public int alreadyApplied() {
        return resumes.map(AppliedMigration::statementsApplied).orElse(0);
    }

    /** What makes a migration all-or-nothing. */
    public enum Protection {
        /** Its own transaction, or the run's with {@code --atomic}: a failure rolls everything of it back. */
        TRANSACTION,
        /** Nothing: statements commit one by one, a failure can leave it half-applied. */
        NONE;

        /** Lower-case name for output. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
