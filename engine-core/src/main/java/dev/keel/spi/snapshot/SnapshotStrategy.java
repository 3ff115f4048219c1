package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import dev.keel.spi.Problem;
import java.util.List;
import java.util.Map;

/**
 * Port: takes and restores whole-database snapshots for runs that a transaction cannot protect (SPEC §6).
 *
 * <p>Every operation must survive being killed at any instant: a snapshot is written under a temporary name and
 * renamed when complete, so {@link #list()} never shows a partial one; {@link #abandonTake(String, SnapshotProgress)}
 * undoes whatever an interrupted {@link #take} left (temporary files, a stopped server); and {@link #restore} called
 * again after an interrupted restore finishes it. The engine journals which operation is in progress and calls
 * these after a crash, before it does anything else.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SnapshotStrategy {

    /** The strategy's id, as its provider's. */
    String id();

    /** What it protects, in words for {@code keel plan} (e.g. "SQLite file app.db through the online backup API"). */
    String describe();

    /**
     * Problems that would stop a snapshot from being taken, found without changing anything (unreachable engine,
     * missing container, unreadable data directory); empty when the strategy can work. Used by {@code keel doctor}
     * and before a run stops anything.
     */
    List<Problem> check();

    /**
     * Takes a snapshot. Checks free space before stopping or copying anything and refuses with
     * {@code SNAPSHOT_NO_SPACE} when the copy would not fit.
     *
     * @param id       the identifier chosen by the engine (already journalled)
     * @param metadata values to keep with the snapshot (schema fingerprint, label, environment), returned by {@link #list()}
     * @param progress receives the phases and bytes copied
     * @return the complete snapshot
     * @throws dev.keel.spi.KeelException when it cannot be taken; the database is then as before and running
     */
    Snapshot take(String id, Map<String, String> metadata, SnapshotProgress progress);

    /**
     * Puts the database back to the snapshot and waits until it answers. Idempotent: called again after an
     * interrupted restore, it finishes the work. A strategy that restores by moving the snapshot into place (a
     * directory swap) consumes it; {@link Snapshot#consumedByRestore()} says so.
     */
    void restore(Snapshot snapshot, SnapshotProgress progress);

    /** Deletes a snapshot; deleting one that is already gone is not an error. */
    void discard(Snapshot snapshot);

    /** The complete snapshots this strategy holds for this database, oldest first. */
    List<Snapshot> list();

    /**
     * Undoes what an interrupted {@link #take} of {@code id} left: deletes its temporary files and starts the
     * database again if the take had stopped it. Does nothing when there is nothing to undo.
     */
    void abandonTake(String id, SnapshotProgress progress);
}
