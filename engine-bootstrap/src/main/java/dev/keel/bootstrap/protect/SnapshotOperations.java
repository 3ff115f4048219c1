package dev.keel.bootstrap.protect;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.SnapshotProgressed;
import dev.keel.spi.event.SnapshotRestored;
import dev.keel.spi.event.SnapshotTaken;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Takes, restores and prunes snapshots with one strategy, journalling each phase before it begins and recording
 * each outcome in the audit log, so that a crash at any instant is finished or undone by {@link CrashRecovery}.
 * The caller holds the {@link WorkspaceLock}.
 */
public final class SnapshotOperations {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SnapshotStrategy strategy;
    private final RunJournal journal;
    private final AuditLog audit;
    private final KeelListener listener;
    private final Clock clock;
    private final Supplier<String> fingerprint;

    /**
     * @param fingerprint the schema fingerprint hash of the database as it is now (opens its own session)
     */
    public SnapshotOperations(SnapshotStrategy strategy, RunJournal journal, AuditLog audit, KeelListener listener,
            Clock clock, Supplier<String> fingerprint) {
        this.strategy = strategy;
        this.journal = journal;
        this.audit = audit;
        this.listener = listener;
        this.clock = clock;
        this.fingerprint = fingerprint;
    }

    /** The strategy used. */
    public SnapshotStrategy strategy() {
        return strategy;
    }

    /**
     * Takes a snapshot with the schema fingerprint of now. Leaves the journal at {@code PROTECTING} when
     * {@code protecting} (a run follows that a crash must undo), else clears it.
     *
     * @throws KeelException the strategy's refusal (nothing changed) or {@code SNAPSHOT_TAKE_FAILED} after the
     *     partial snapshot was abandoned
     */
    public Snapshot take(String operation, String environment, boolean protecting) {
        List<Problem> problems = strategy.check();
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        String before = fingerprint.get();
        String id = ID_TIME.format(clock.instant()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        JournalEntry entry = new JournalEntry(operation, JournalEntry.Phase.TAKING, id, strategy.id(), Optional.empty(),
                ProcessHandle.current().pid(), clock.instant());
        journal.write(entry);
        long started = clock.millis();
        Snapshot snapshot;
        try {
            snapshot = strategy.take(id, Map.of(Snapshot.FINGERPRINT, before, Snapshot.LABEL, operation,
                    Snapshot.ENVIRONMENT, environment), progress(id, "take"));
        } catch (RuntimeException e) {
            abandon(id, operation, e);
            throw e;
        }
        long elapsed = clock.millis() - started;
        if (protecting) {
            journal.write(entry.at(JournalEntry.Phase.PROTECTING, snapshot));
        } else {
            journal.clear();
        }
        audit.record("snapshot", "taken", details(snapshot, operation, elapsed));
        listener.on(new SnapshotTaken(snapshot.id(), snapshot.strategy(), snapshot.sizeBytes(), elapsed));
        return snapshot;
    }

    private void abandon(String id, String operation, RuntimeException cause) {
        try {
            strategy.abandonTake(id, progress(id, "abandon"));
            journal.clear();
            audit.record("snapshot", "abandoned", Map.of("snapshot", id, "operation", operation, "error", message(cause)));
        } catch (RuntimeException again) {
            cause.addSuppressed(again);
            audit.record("snapshot", "abandon-failed", Map.of("snapshot", id, "operation", operation, "error", message(again)));
        }
    }

    /**
     * Restores a snapshot, then compares the schema fingerprint with the one recorded in it, and clears the journal.
     *
     * @return whether the fingerprint matched (false when the snapshot recorded none)
     * @throws KeelException {@code SNAPSHOT_RESTORE_FAILED} (journal kept, so the next command retries) or
     *     {@code SNAPSHOT_VERIFY_FAILED}
     */
    public boolean restore(String operation, Snapshot snapshot) {
        journal.write(new JournalEntry(operation, JournalEntry.Phase.RESTORING, snapshot.id(), snapshot.strategy(),
                Optional.of(snapshot), ProcessHandle.current().pid(), clock.instant()));
        long started = clock.millis();
        try {
            strategy.restore(snapshot, progress(snapshot.id(), "restore"));
        } catch (RuntimeException e) {
            audit.record("restore", "failed", Map.of("snapshot", snapshot.id(), "operation", operation, "error", message(e)));
            throw new KeelException(List.of(Problem.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                    "Restoring snapshot " + snapshot.id() + " (" + snapshot.location() + ") failed: " + message(e),
                    "The journal " + journal.file() + " still records the restore: fix the cause (the message above), then"
                            + " run any keel command (e.g. 'keel status') to finish it.")),
                    ExitClass.FAILED_UNRESTORED, e);
        }
        Optional<String> expected = snapshot.fingerprint();
        String actual = fingerprint.get();
        boolean verified = expected.isPresent() && expected.get().equals(actual);
        long elapsed = clock.millis() - started;
        journal.clear();
        Map<String, Object> details = details(snapshot, operation, elapsed);
        details.put("verified", verified);
        audit.record("restore", verified ? "verified" : "unverified", details);
        listener.on(new SnapshotRestored(snapshot.id(), verified, elapsed));
        if (expected.isPresent() && !verified) {
            throw new KeelException(List.of(Problem.of(ErrorCode.SNAPSHOT_VERIFY_FAILED,
                    "Snapshot " + snapshot.id() + " was restored, but the schema now differs from the one recorded when it"
                            + " was taken (fingerprint " + expected.get() + ", now " + actual + ").",
                    "Compare the schema by hand ('keel status' shows drift); the snapshot's files are at "
                            + snapshot.location() + " unless the restore consumed them.")),
                    ExitClass.FAILED_UNRESTORED, null);
        }
        return verified;
    }

    /** Discards a snapshot (after a run that changed nothing, or by retention). */
    public void discard(Snapshot snapshot, String why) {
        strategy.discard(snapshot);
        audit.record("snapshot", "discarded", Map.of("snapshot", snapshot.id(), "reason", why));
    }

    /**
     * Keeps the newest {@code keep} snapshots and discards the others, never one in {@code kept}.
     *
     * @return the discarded snapshots
     */
    public List<Snapshot> prune(int keep, Set<String> kept) {
        List<Snapshot> all = new ArrayList<>(strategy.list());
        // Newest first: the first 'keep' stay, older ones go unless a session holds them.
        all.sort(Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::id).reversed());
        List<Snapshot> discarded = new ArrayList<>();
        for (Snapshot s : all.subList(Math.min(keep, all.size()), all.size())) {
            if (!kept.contains(s.id())) {
                discard(s, "retention keeps the newest " + keep);
                discarded.add(s);
            }
        }
        return discarded;
    }

    private SnapshotProgress progress(String id, String operation) {
        return (phase, done, total) -> listener.on(new SnapshotProgressed(id, operation, phase.label(), done, total));
    }

    private static Map<String, Object> details(Snapshot snapshot, String operation, long elapsed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("snapshot", snapshot.id());
        details.put("strategy", snapshot.strategy());
        details.put("operation", operation);
        details.put("location", snapshot.location());
        details.put("sizeBytes", snapshot.sizeBytes());
        details.put("elapsedMs", elapsed);
        return details;
    }

    static String message(Throwable e) {
        if (e instanceof KeelException k && !k.problems().isEmpty()) {
            return k.problems().get(0).what();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
