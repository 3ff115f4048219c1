package dev.keel.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one {@code migrate} or {@code plan}.
 *
 * @param target       apply up to and including this version (all pending when empty)
 * @param dryRun       plan and report the statements, change nothing
 * @param atomic       the whole run in one transaction
 * @param snapshot     the snapshot strategy for this run ({@code none} for no snapshot), overriding the environment's
 * @param confirmation how the run was confirmed, when its risk reaches the environment's {@code confirmAt}; without
 *                     one such a run is refused ({@code CONFIRMATION_REQUIRED}, exit 4)
 */
public record MigrateOptions(Optional<String> target, boolean dryRun, boolean atomic, Optional<String> snapshot,
        Confirmation confirmation) {

    public MigrateOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(confirmation, "confirmation");
    }

    /** Unconfirmed options. */
    public MigrateOptions(Optional<String> target, boolean dryRun, boolean atomic, Optional<String> snapshot) {
        this(target, dryRun, atomic, snapshot, Confirmation.NOT_GIVEN);
    }

    /** Unconfirmed options with the environment's snapshot strategy. */
    public MigrateOptions(Optional<String> target, boolean dryRun, boolean atomic) {
        this(target, dryRun, atomic, Optional.empty());
    }

    /** Every pending migration, each in its own transaction, unconfirmed. */
    public static MigrateOptions defaults() {
        return new MigrateOptions(Optional.empty(), false, false);
    }

    /**
     * The same options with a confirmation: {@code confirmed(Confirmation.YES_FLAG)} accepts the gate in advance, as
     * {@code --yes} does (recorded in the audit log as {@code by: yes_flag}).
     */
    public MigrateOptions confirmed(Confirmation how) {
        return new MigrateOptions(target, dryRun, atomic, snapshot, how);
    }
}
