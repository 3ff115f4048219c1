package dev.keel.spi.rollback;

import dev.keel.spi.Api;
import dev.keel.spi.migration.Version;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.RunProtection;
import dev.keel.spi.Risk;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code rollback} would do (SPEC §8): the steps, newest first, the version that remains current afterwards,
 * the run's protection and its risk (the highest of its steps).
 *
 * @param steps        migrations to roll back, newest first
 * @param remaining    the newest version still applied afterwards; empty when none remains
 * @param protection   how the run is protected
 * @param risk         the highest risk of the steps ({@code LOW} when there are none)
 * @param forcedWindow versions older than the rollback window that {@code --force} let through
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record RollbackPlan(List<RollbackStep> steps, Optional<Version> remaining, RunProtection protection, Risk risk,
        List<Version> forcedWindow) {

    public RollbackPlan {
        steps = List.copyOf(steps);
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(risk, "risk");
        forcedWindow = List.copyOf(forcedWindow);
    }

    /** Whether there is nothing to roll back. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Whether some step runs statements outside a transaction. */
    public boolean needsMoreThanTransactions() {
        return steps.stream().anyMatch(s -> s.protection() != PlannedMigration.Protection.TRANSACTION);
    }

    /** The same plan with another run protection. */
    public RollbackPlan withProtection(RunProtection newProtection) {
        return new RollbackPlan(steps, remaining, newProtection, risk, forcedWindow);
    }
}
