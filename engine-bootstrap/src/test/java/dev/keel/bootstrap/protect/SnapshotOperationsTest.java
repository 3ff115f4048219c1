package dev.keel.bootstrap.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.RecoveryPerformed;
import dev.keel.spi.event.SnapshotRestored;
import dev.keel.spi.event.SnapshotTaken;
import dev.keel.spi.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotOperationsTest {

    @TempDir
    Path work;

    private final RecordingStrategy strategy = new RecordingStrategy();
    private final List<KeelEvent> events = new ArrayList<>();
    private RunJournal journal;
    private AuditLog audit;
    private SnapshotOperations operations;

    @BeforeEach
    void setUp() {
        journal = new RunJournal(work);
        audit = new AuditLog(work, Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC), Map.of("environment", "test"));
        // The fingerprint of the in-memory database is its content.
        operations = new SnapshotOperations(strategy, journal, audit, events::add, Clock.systemUTC(), () -> strategy.database);
    }

    @Test
    void aProtectingTakeLeavesTheJournalAtProtectingWithTheFingerprint() {
        Snapshot s = operations.take("migrate", "development", true);
        JournalEntry entry = journal.read().orElseThrow();
        assertEquals(JournalEntry.Phase.PROTECTING, entry.phase());
        assertEquals(s.id(), entry.snapshotId());
        assertEquals(Optional.of("before"), entry.snapshot().orElseThrow().fingerprint());
        assertEquals("migrate", entry.snapshot().orElseThrow().metadata().get(Snapshot.LABEL));
        assertTrue(events.stream().anyMatch(e -> e instanceof SnapshotTaken));
        assertTrue(s.id().matches("\\d{8}T\\d{6}Z-[0-9a-f]{4}"), s.id());
    }

    @Test
    void aSessionTakeClearsTheJournal() {
        operations.take("snapshot begin", "development", false);
        assertFalse(journal.isPresent());
    }

    @Test
    void aFailedTakeIsAbandonedAndTheJournalCleared() {
        strategy.failTake = KeelException.of(ErrorCode.SNAPSHOT_TAKE_FAILED, "copy failed", "retry");
        assertThrows(KeelException.class, () -> operations.take("migrate", "development", true));
        assertTrue(strategy.calls.get(1).startsWith("abandon "), strategy.calls.toString());
        assertFalse(journal.isPresent());
        assertTrue(audit.entries().stream().anyMatch(e -> "abandoned".equals(e.get("outcome"))));
    }

    @Test
    void restoreVerifiesTheFingerprintAndClearsTheJournal() {
        Snapshot s = operations.take("migrate", "development", true);
        strategy.database = "half-migrated";
        assertTrue(operations.restore("migrate", s));
        assertEquals("before", strategy.database);
        assertFalse(journal.isPresent());
        assertTrue(events.stream().anyMatch(e -> e instanceof SnapshotRestored r && r.verified()));
    }

    @Test
    void aRestoreThatDoesNotReproduceTheFingerprintIsReported() {
        Snapshot s = operations.take("migrate", "development", true);
        strategy.contents.put(s.id(), "something else");
        KeelException e = assertThrows(KeelException.class, () -> operations.restore("migrate", s));
        assertEquals(ErrorCode.SNAPSHOT_VERIFY_FAILED, e.code());
        assertEquals(ExitClass.FAILED_UNRESTORED, e.exitClass());
    }

    @Test
    void aFailedRestoreKeepsTheJournalSoTheNextCommandRetries() {
        Snapshot s = operations.take("migrate", "development", true);
        strategy.database = "half-migrated";
        strategy.failRestore = new IllegalStateException("disk unplugged");
        KeelException e = assertThrows(KeelException.class, () -> operations.restore("migrate", s));
        assertEquals(ErrorCode.SNAPSHOT_RESTORE_FAILED, e.code());
        assertEquals(JournalEntry.Phase.RESTORING, journal.read().orElseThrow().phase());

        strategy.failRestore = null;
        Optional<RecoveryPerformed> done = new CrashRecovery(journal, audit, events::add, id -> operations).recover();
        assertTrue(done.isPresent());
        assertEquals("before", strategy.database);
        assertFalse(journal.isPresent());
    }

    @Test
    void recoveryAfterACrashDuringTheRunRestoresTheSnapshot() {
        operations.take("migrate", "development", true);
        strategy.database = "half-migrated"; // the process died here
        Optional<RecoveryPerformed> done = new CrashRecovery(journal, audit, events::add, id -> operations).recover();
        assertTrue(done.orElseThrow().action().contains("restored"), done.toString());
        assertEquals("before", strategy.database);
        assertFalse(journal.isPresent());
        assertTrue(audit.entries().stream().anyMatch(e -> "recovery".equals(e.get("event"))));
    }

    @Test
    void recoveryAfterACrashDuringTheTakeAbandonsIt() {
        journal.write(new JournalEntry("migrate", JournalEntry.Phase.TAKING, "20261122T080000Z-abcd", "recording",
                Optional.empty(), 1, Instant.now()));
        new CrashRecovery(journal, audit, events::add, id -> operations).recover();
        assertEquals(List.of("abandon 20261122T080000Z-abcd"), strategy.calls);
        assertEquals("before", strategy.database);
        assertFalse(journal.isPresent());
    }

    @Test
    void noJournalMeansNothingToRecover() {
        assertEquals(Optional.empty(), new CrashRecovery(journal, audit, events::add, id -> operations).recover());
        assertTrue(strategy.calls.isEmpty());
    }

    @Test
    void pruneKeepsTheNewestAndTheSessionsSnapshot() {
        Snapshot first = operations.take("snapshot begin", "development", false);
        Snapshot second = operations.take("migrate", "development", false);
        Snapshot third = operations.take("migrate", "development", false);
        List<Snapshot> discarded = operations.prune(1, Set.of(first.id()));
        assertEquals(List.of(second.id()), discarded.stream().map(Snapshot::id).toList());
        assertEquals(Set.of(first.id(), third.id()), strategy.snapshots.keySet());
    }

    @Test
    void journalAndAuditLogAreReadableByTheirOwnerOnly() throws Exception {
        operations.take("migrate", "development", true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit.file())));
    }

    @Test
    void anUnreadableJournalIsARecoveryFailureNamingTheFile() throws Exception {
        Files.writeString(journal.file(), "phase=SIDEWAYS\n");
        KeelException e = assertThrows(KeelException.class, () -> journal.read());
        assertEquals(ErrorCode.RECOVERY_FAILED, e.code());
        assertTrue(e.problems().get(0).what().contains("journal.properties"));
    }
}
