package dev.keel.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one {@code migrate} or {@code plan}.
 *
 * @param target apply up to and including this version (all pending when empty)
 * @param dryRun plan and report the statements, change nothing
 * @param atomic the whole run in one transaction
 */
public record MigrateOptions(Optional<String> target, boolean dryRun, boolean atomic) {

    public MigrateOptions {
        Objects.requireNonNull(target, "target");
    }

    /** Every pending migration, each in its own transaction. */
    public static MigrateOptions defaults() {
        return new MigrateOptions(Optional.empty(), false, false);
    }
}
