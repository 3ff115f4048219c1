package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A snapshot was completed: its id, strategy, size and how long it took. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SnapshotTaken(String snapshotId, String strategy, long sizeBytes, long elapsedMs) implements KeelEvent {
}
