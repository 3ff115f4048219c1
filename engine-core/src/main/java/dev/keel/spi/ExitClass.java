package dev.keel.spi;

/**
 * The outcome class of an error, which the CLI maps to its exit code (SPEC §9).
 * Only the CLI turns these into process exit codes; embedders read them from the exception.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum ExitClass {
    /** Migration failed and the database was restored (transaction rolled back or snapshot restored). */
    FAILED_RESTORED(1),
    /** Usage or configuration error. */
    USAGE(2),
    /** Validation or lint errors; nothing applied. */
    VALIDATION(3),
    /** Refused: the run needs a confirmation it did not get. */
    REFUSED(4),
    /** The migration lock was not acquired in time. */
    LOCK_TIMEOUT(5),
    /** Failed and NOT restored: manual action needed. */
    FAILED_UNRESTORED(6);

    private final int exitCode;

    ExitClass(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code of SPEC §9. */
    public int exitCode() {
        return exitCode;
    }
}
