package dev.keel.cli;

import dev.keel.spi.event.SnapshotProgressed;

/**
 * Decides which progress updates are worth a line of their own where nothing can be redrawn (a log, a pipe, the
 * JSON {@code events}): the first of each phase, each further 10 %, and otherwise one every 2 s so that a long
 * phase of unknown length still shows it is alive.
 */
final class ProgressThrottle {

    /** The longest silence during one phase. */
    static final long INTERVAL_MS = 2_000;

    private String phase = "";
    private int tenths = -1;
    private long lastMs;

    /** Whether this update gets a line, given the time now in milliseconds. */
    boolean admit(SnapshotProgressed progress, long nowMs) {
        String key = progress.snapshotId() + '\0' + progress.operation() + '\0' + progress.phase();
        int reached = tenths(progress);
        if (!key.equals(phase)) {
            phase = key;
            tenths = reached;
            lastMs = nowMs;
            return true;
        }
        if (reached > tenths || nowMs - lastMs >= INTERVAL_MS) {
            tenths = Math.max(tenths, reached);
            lastMs = nowMs;
            return true;
        }
        return false;
    }

    /** How many tenths of the total are done; -1 when the total is unknown. */
    static int tenths(SnapshotProgressed progress) {
        if (progress.total() <= 0) {
            return -1;
        }
        return (int) Math.min(10, Math.max(0, (double) progress.done() / progress.total() * 10));
    }
}
