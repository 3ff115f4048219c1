package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;

/** The result of a successful {@code migrate} (a failed one throws a {@code KeelException}). */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationReport(MigrationPlan plan, List<AppliedStep> applied, boolean dryRun, long elapsedMs) {

    public MigrationReport {
        Objects.requireNonNull(plan, "plan");
        applied = List.copyOf(applied);
    }
}
