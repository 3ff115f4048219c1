package dev.keel.core.migrate;

import dev.keel.spi.migration.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code migrate} is asked to do.
 *
 * @param target apply up to and including this version (all pending when empty)
 * @param dryRun plan and print, touch nothing
 * @param atomic the whole run in one transaction
 */
public record MigrateRequest(Optional<Version> target, boolean dryRun, boolean atomic) {

    public MigrateRequest {
        Objects.requireNonNull(target, "target");
    }

    /** Every pending migration, each in its own transaction. */
    public static MigrateRequest all() {
        return new MigrateRequest(Optional.empty(), false, false);
    }
}
