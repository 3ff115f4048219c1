package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.time.Instant;
import java.util.List;

/**
 * Port: the history table of SPEC §3, one row per attempt. Implementations write through the
 * caller's session, so a row inserted inside a migration's transaction commits or rolls back with it.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface MigrationHistory {

    /** The qualified table name, for messages. */
    String tableName();

    /** Creates the table when it does not exist yet; checks its columns when it does. */
    void ensureExists();

    /** Whether the table exists (never creates it). */
    boolean exists();

    /** Every row, in rank order; empty when the table does not exist. */
    List<AppliedMigration> readAll();

    /** Inserts a row; the caller chooses its rank (one more than the highest read under the lock). */
    void insert(AppliedMigration row);

    /** Rewrites the progress, status and error of the row with this rank (partial progress, failure). */
    void updateProgress(int rank, MigrationStatus status, int statementsApplied, String error, long executionMs);

    /** Records the schema fingerprint hash after a run on the row with this rank (for drift detection). */
    void recordFingerprint(int rank, String fingerprintHash);

    /** Marks the row with this rank rolled back at the given time. */
    void markRolledBack(int rank, Instant at);

    /** Rewrites what the row with this rank records of its file ({@code keel repair} after review). */
    void realign(int rank, Version version, Checksum checksum, String script, String description);

    /** Deletes the row with this rank ({@code keel repair} removing failed attempts). */
    void delete(int rank);
}
