package dev.keel.bootstrap;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options of one {@code rollback} (SPEC §8).
 *
 * @param to           roll back every migration applied after this version ({@code 0}: all)
 * @param steps        roll back this many of the most recently applied migrations
 * @param dryRun       plan, measure and report; change nothing
 * @param confirmation how the run was confirmed, when its risk needs it
 * @param force        roll back migrations older than {@code maxRollbackAge} (recorded in the audit log)
 * @param snapshot     the snapshot strategy for this run ({@code none} for no snapshot), overriding the environment's
 */
public record RollbackOptions(Optional<String> to, OptionalInt steps, boolean dryRun, Confirmation confirmation,
        boolean force, Optional<String> snapshot) {

    public RollbackOptions {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** Rolls back the {@code n} most recent migrations, unconfirmed, within the window, with the environment's strategy. */
    public static RollbackOptions steps(int n) {
        return new RollbackOptions(Optional.empty(), OptionalInt.of(n), false, Confirmation.NOT_GIVEN, false, Optional.empty());
    }

    /** The same options with a confirmation. */
    public RollbackOptions confirmed(Confirmation how) {
        return new RollbackOptions(to, steps, dryRun, how, force, snapshot);
    }
}
