package dev.keel.spi.snapshot;

import dev.keel.spi.Api;

/** Receives the progress of a snapshot operation; the engine turns it into events and progress bars. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SnapshotProgress {

    /**
     * Reports a phase and, for copies, how far it got.
     *
     * @param phase what is happening
     * @param done  bytes (or units) done so far, 0 when not measured
     * @param total bytes (or units) in all, 0 when unknown
     */
    void update(SnapshotPhase phase, long done, long total);

    /** A sink that ignores everything. */
    static SnapshotProgress none() {
        return (phase, done, total) -> { };
    }
}
