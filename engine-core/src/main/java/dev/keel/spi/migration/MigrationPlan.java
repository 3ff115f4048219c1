package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.Risk;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code migrate} would do: the pending migrations in order, up to the target, and how the run is protected.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationPlan(List<PlannedMigration> pending, Optional<Version> target, boolean atomic, RunProtection protection) {

    public MigrationPlan {
        pending = List.copyOf(pending);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(protection, "protection");
    }

    /** A plan protected only by what its migrations' transactions give (no snapshot considered yet). */
    public MigrationPlan(List<PlannedMigration> pending, Optional<Version> target, boolean atomic) {
        this(pending, target, atomic, defaultProtection(pending));
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Whether some pending migration runs statements outside a transaction. */
    public boolean needsMoreThanTransactions() {
        return pending.stream().anyMatch(p -> p.protection() != PlannedMigration.Protection.TRANSACTION);
    }

    /** The run's risk: the highest risk of its pending migrations ({@code low} when nothing is pending). */
    public Risk risk() {
        return pending.stream().map(PlannedMigration::risk).reduce(Risk.LOW, Risk::max);
    }

    /** The same plan with its pending migrations replaced (e.g. as the rules reviewed them). */
    public MigrationPlan withPending(List<PlannedMigration> newPending) {
        return new MigrationPlan(newPending, target, atomic, protection);
    }

    /** The same plan with another run protection. */
    public MigrationPlan withProtection(RunProtection newProtection) {
        return new MigrationPlan(pending, target, atomic, newProtection);
    }

    private static RunProtection defaultProtection(List<PlannedMigration> pending) {
        return pending.stream()
                .filter(p -> p.protection() != PlannedMigration.Protection.TRANSACTION)
                .findFirst()
                .map(p -> RunProtection.unprotected("migration " + p.script().version()
                        + " runs statements outside a transaction and no snapshot strategy is configured"))
                .orElseGet(() -> RunProtection.transactions("every migration runs in a transaction"));
    }
}
