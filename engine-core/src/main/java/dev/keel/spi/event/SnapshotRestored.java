package dev.keel.spi.event;

import dev.keel.spi.Api;

/**
 * A snapshot was restored.
 *
 * @param snapshotId the snapshot
 * @param verified   whether the schema fingerprint after the restore equals the one recorded with the snapshot
 * @param elapsedMs  how long the restore took
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SnapshotRestored(String snapshotId, boolean verified, long elapsedMs) implements KeelEvent {
}
