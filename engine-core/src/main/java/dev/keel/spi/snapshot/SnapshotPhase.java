package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import java.util.Locale;

/** The phases of taking or restoring a snapshot, as reported to {@link SnapshotProgress}. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum SnapshotPhase {
    /** Checking that the copy fits on the disk. */
    CHECKING_SPACE,
    /** Stopping the database server or container. */
    STOPPING,
    /** Copying data. */
    COPYING,
    /** Moving a copy into place (rename or directory swap). */
    SWAPPING,
    /** Starting the database server or container. */
    STARTING,
    /** Waiting until the database answers. */
    WAITING,
    /** Deleting a snapshot or leftovers. */
    DELETING;

    /** Lower-case words for output, e.g. {@code checking space}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
