package dev.keel.bootstrap.protect;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.RecoveryPerformed;
import dev.keel.spi.snapshot.SnapshotProgress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finishes or undoes snapshot work that a crash interrupted (SPEC §6), before a command does anything else: a take
 * is abandoned (partial copy deleted, server started again), a protected run is undone by restoring its snapshot,
 * and a restore is finished. The caller holds the {@link WorkspaceLock}, so the work found is never a live one.
 */
public final class CrashRecovery {

    private final RunJournal journal;
    private final AuditLog audit;
    private final KeelListener listener;
    private final Function<String, SnapshotOperations> operationsForStrategy;

    /**
     * @param operationsForStrategy the snapshot operations of a strategy id, as configured now
     */
    public CrashRecovery(RunJournal journal, AuditLog audit, KeelListener listener,
            Function<String, SnapshotOperations> operationsForStrategy) {
        this.journal = journal;
        this.audit = audit;
        this.listener = listener;
        this.operationsForStrategy = operationsForStrategy;
    }

    /**
     * Recovers what the journal records, if anything.
     *
     * @return what was done, when something was
     * @throws KeelException {@code RECOVERY_FAILED} when the interrupted work cannot be finished or undone
     */
    public Optional<RecoveryPerformed> recover() {
        Optional<JournalEntry> recorded = journal.read();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry entry = recorded.get();
        SnapshotOperations operations;
        try {
            operations = operationsForStrategy.apply(entry.strategy());
        } catch (KeelException e) {
            throw failed(entry, e);
        }
        RecoveryPerformed done;
        try {
            done = switch (entry.phase()) {
                case TAKING -> {
                    operations.strategy().abandonTake(entry.snapshotId(), SnapshotProgress.none());
                    journal.clear();
                    yield new RecoveryPerformed(entry.operation() + " (taking snapshot " + entry.snapshotId() + ")",
                            "deleted the incomplete snapshot and made sure the database runs; nothing else had changed");
                }
                case PROTECTING -> {
                    boolean verified = operations.restore(entry.operation(), entry.snapshot().orElseThrow());
                    yield new RecoveryPerformed(entry.operation() + " (protected by snapshot " + entry.snapshotId() + ")",
                            "restored the snapshot taken before the interrupted run" + (verified ? " (schema verified)" : "")
                                    + "; run the command again");
                }
                case RESTORING -> {
                    boolean verified = operations.restore(entry.operation(), entry.snapshot().orElseThrow());
                    yield new RecoveryPerformed(entry.operation() + " (restoring snapshot " + entry.snapshotId() + ")",
                            "finished the restore" + (verified ? " (schema verified)" : ""));
                }
            };
        } catch (KeelException e) {
            if (e.code() == ErrorCode.SNAPSHOT_VERIFY_FAILED) {
                throw e;
            }
            throw failed(entry, e);
        }
        audit.record("recovery", "done", Map.of("interrupted", done.interrupted(), "action", done.action(),
                "crashedPid", entry.pid(), "startedAt", entry.startedAt().toString()));
        listener.on(done);
        return Optional.of(done);
    }

    private KeelException failed(JournalEntry entry, KeelException cause) {
        audit.record("recovery", "failed", Map.of("snapshot", entry.snapshotId(), "phase", entry.phase().name(),
                "error", SnapshotOperations.message(cause)));
        return new KeelException(List.of(Problem.of(ErrorCode.RECOVERY_FAILED,
                "A crashed '" + entry.operation() + "' (process " + entry.pid() + ", " + entry.startedAt() + ") left snapshot "
                        + entry.snapshotId() + " " + entry.phase().name().toLowerCase(java.util.Locale.ROOT)
                        + ", and it could not be recovered: " + SnapshotOperations.message(cause),
                "Fix the cause above and run any keel command again; the journal " + journal.file()
                        + " keeps the work to do until it succeeds.")),
                ExitClass.FAILED_UNRESTORED, cause);
    }
}
