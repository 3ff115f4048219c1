package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a {@code migrate} would do: the pending migrations in order, up to the target. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationPlan(List<PlannedMigration> pending, Optional<Version> target, boolean atomic) {

    public MigrationPlan {
        pending = List.copyOf(pending);
        Objects.requireNonNull(target, "target");
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }
}
