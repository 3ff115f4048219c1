package dev.keel.bootstrap.protect;

import dev.keel.spi.snapshot.Snapshot;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the journal says is in progress: an operation on a snapshot, and how far it got.
 *
 * @param operation  the command that started the work ({@code migrate}, {@code snapshot begin}, {@code snapshot restore})
 * @param phase      how far it got
 * @param snapshotId the snapshot being taken, protecting the run, or being restored
 * @param strategy   the strategy holding it
 * @param snapshot   the complete snapshot, once taken
 * @param pid        the process doing the work
 * @param startedAt  when the work began
 */
public record JournalEntry(String operation, Phase phase, String snapshotId, String strategy, Optional<Snapshot> snapshot,
        long pid, Instant startedAt) {

    public JournalEntry {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(startedAt, "startedAt");
        if (phase != Phase.TAKING && snapshot.isEmpty()) {
            throw new IllegalArgumentException("after the take, the journal holds the snapshot");
        }
    }

    /** The same work, further on. */
    public JournalEntry at(Phase next, Snapshot taken) {
        return new JournalEntry(operation, next, snapshotId, strategy, Optional.of(taken), pid, startedAt);
    }

    /** The phases, in the order they happen. */
    public enum Phase {
        /** A snapshot is being written; an interruption leaves a partial copy and maybe a stopped server: undo it. */
        TAKING,
        /** The snapshot is complete and migrations are being applied; an interruption is undone by restoring it. */
        PROTECTING,
        /** The snapshot is being restored; an interruption is finished by restoring again. */
        RESTORING
    }
}
