package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a successful {@code migrate} (a failed one throws a {@code KeelException}).
 *
 * @param plan      what was planned, with its protection
 * @param applied   the migrations applied
 * @param dryRun    whether nothing was changed
 * @param elapsedMs how long the run took
 * @param snapshot  the snapshot taken before the run and kept by retention, when one was taken
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationReport(MigrationPlan plan, List<AppliedStep> applied, boolean dryRun, long elapsedMs,
        Optional<Snapshot> snapshot) {

    public MigrationReport {
        Objects.requireNonNull(plan, "plan");
        applied = List.copyOf(applied);
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** A report of a run without a snapshot. */
    public MigrationReport(MigrationPlan plan, List<AppliedStep> applied, boolean dryRun, long elapsedMs) {
        this(plan, applied, dryRun, elapsedMs, Optional.empty());
    }

    /** The same report with the snapshot taken for it. */
    public MigrationReport withSnapshot(Snapshot taken) {
        return new MigrationReport(plan, applied, dryRun, elapsedMs, Optional.of(taken));
    }
}
