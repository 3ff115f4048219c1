package dev.keel.spi.event;

import dev.keel.spi.Api;

/**
 * Progress of a snapshot take or restore.
 *
 * @param snapshotId the snapshot
 * @param operation  {@code take}, {@code restore}, {@code discard} or {@code recover}
 * @param phase      the phase label ({@code copying}, {@code stopping}, …)
 * @param done       units done (bytes when copying), 0 when not measured
 * @param total      units in all, 0 when unknown
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SnapshotProgressed(String snapshotId, String operation, String phase, long done, long total) implements KeelEvent {
}
