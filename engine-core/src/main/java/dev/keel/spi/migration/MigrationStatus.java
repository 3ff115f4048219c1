package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Locale;

/** The status of one attempt recorded in the history table. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum MigrationStatus {
    /** Applied completely. */
    SUCCESS,
    /** Failed; {@code statements_applied} tells how many of its statements remain applied (0 after a rollback). */
    FAILED,
    /** Some statements applied and committed (non-transactional DDL), the rest not: manual action needed. */
    PARTIAL,
    /** Undone by a rollback. */
    ROLLED_BACK,
    /** Marks the version an existing database is taken to be at. */
    BASELINE;

    /** The value stored in the history table. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a stored value. */
    public static MigrationStatus fromDb(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
