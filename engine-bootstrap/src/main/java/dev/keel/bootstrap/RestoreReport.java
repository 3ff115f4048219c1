package dev.keel.bootstrap;

import dev.keel.spi.snapshot.Snapshot;
import java.util.Objects;

/**
 * The result of restoring a snapshot.
 *
 * @param snapshot  the snapshot restored
 * @param verified  whether the schema fingerprint afterwards equals the one recorded with the snapshot
 * @param elapsedMs how long it took
 */
public record RestoreReport(Snapshot snapshot, boolean verified, long elapsedMs) {

    public RestoreReport {
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
