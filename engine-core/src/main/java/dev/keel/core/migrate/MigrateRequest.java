package dev.keel.core.migrate;

import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one {@code migrate} is asked to do.
 *
 * @param target   apply up to and including this version (all pending when empty)
 * @param dryRun   plan and print, touch nothing
 * @param atomic   the whole run in one transaction
 * @param approval sees the plan made under the migration lock before anything is applied, and throws to stop the
 *                 run (e.g. when it holds a migration that was not confirmed before the lock was taken)
 */
public record MigrateRequest(Optional<Version> target, boolean dryRun, boolean atomic, Consumer<MigrationPlan> approval) {

    public MigrateRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(approval, "approval");
    }

    /** A request whose plan needs no approval. */
    public MigrateRequest(Optional<Version> target, boolean dryRun, boolean atomic) {
        this(target, dryRun, atomic, plan -> { });
    }

    /** Every pending migration, each in its own transaction. */
    public static MigrateRequest all() {
        return new MigrateRequest(Optional.empty(), false, false);
    }

    /** The same request with an approval of the locked plan. */
    public MigrateRequest approvedBy(Consumer<MigrationPlan> check) {
        return new MigrateRequest(target, dryRun, atomic, check);
    }
}
