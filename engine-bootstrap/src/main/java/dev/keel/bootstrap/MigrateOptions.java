package dev.keel.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one {@code migrate} or {@code plan}.
 *
 * @param target   apply up to and including this version (all pending when empty)
 * @param dryRun   plan and report the statements, change nothing
 * @param atomic   the whole run in one transaction
 * @param snapshot the snapshot strategy for this run ({@code none} for no snapshot), overriding the environment's
 */
public record MigrateOptions(Optional<String> target, boolean dryRun, boolean atomic, Optional<String> snapshot) {

    public MigrateOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** Options with the environment's snapshot strategy. */
    public MigrateOptions(Optional<String> target, boolean dryRun, boolean atomic) {
        this(target, dryRun, atomic, Optional.empty());
    }

    /** Every pending migration, each in its own transaction. */
    public static MigrateOptions defaults() {
        return new MigrateOptions(Optional.empty(), false, false);
    }
}
