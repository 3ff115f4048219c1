package dev.keel.spi.dialect;

import dev.keel.spi.Api;
import java.util.Objects;

/**
 * What a database can do that changes how Keel protects a run.
 *
 * @param transactionalDdl whether DDL rolls back with the transaction (PostgreSQL, SQLite; not MySQL)
 * @param lockKind         how the migration lock is held
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Capabilities(boolean transactionalDdl, LockKind lockKind) {

    public Capabilities {
        Objects.requireNonNull(lockKind, "lockKind");
    }

    /** The mechanism behind the migration lock. */
    public enum LockKind {
        /** PostgreSQL session-level advisory lock. */
        ADVISORY,
        /** MySQL {@code GET_LOCK}. */
        NAMED,
        /** An OS lock on a file beside the database plus {@code BEGIN IMMEDIATE}. */
        FILE
    }
}
