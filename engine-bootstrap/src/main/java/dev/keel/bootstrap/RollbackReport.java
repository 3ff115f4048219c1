package dev.keel.bootstrap;

import dev.keel.spi.rollback.RollbackPlan;
import dev.keel.spi.rollback.RollbackStep;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a rollback (a failed one throws).
 *
 * @param plan      what was planned: steps, data-loss estimates, protection, risk
 * @param done      the steps rolled back, newest first
 * @param dryRun    whether nothing was changed
 * @param elapsedMs how long it took
 * @param snapshot  the snapshot taken before it and kept by retention, when one was taken
 */
public record RollbackReport(RollbackPlan plan, List<RollbackStep> done, boolean dryRun, long elapsedMs,
        Optional<Snapshot> snapshot) {

    public RollbackReport {
        Objects.requireNonNull(plan, "plan");
        done = List.copyOf(done);
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
