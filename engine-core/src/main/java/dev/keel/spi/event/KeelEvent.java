package dev.keel.spi.event;

import dev.keel.spi.Api;

/**
 * Something the engine did. Everything the CLI prints about a run comes from these events, so an
 * embedding program that subscribes sees the same.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public sealed interface KeelEvent
        permits RunStarted, LockWaiting, MigrationStarted, StatementApplied, MigrationApplied, MigrationFailed,
                RunFinished, RunStep, SnapshotProgressed, SnapshotTaken, SnapshotRestored, RecoveryPerformed, MigrationRolledBack,
                SchemaPolicyChecked, MigrationReviewed {
}
