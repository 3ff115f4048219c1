package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.bootstrap.RestoreReport;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the {@code snapshot} commands print: id, strategy, size in human units, location, verification. */
class SnapshotRenderingTest {

    static final long MIB = 1024 * 1024;
    final Printed printed = new Printed();

    @Test
    void beginSaysWhatWasTakenAndHowToEndTheSession() {
        SnapshotBeginCommand.print(printed.text, Records.snapshot("s1", 300 * MIB, true));
        String out = printed.raw();
        assertTrue(out.startsWith("Work session started: took snapshot s1 (filecopy, 300.0 MiB, taken"
                + " 2026-11-22T08:15:30Z) at /srv/app/.keel/snapshots/s1."), out);
        assertTrue(out.contains("'keel snapshot commit'") && out.contains("'keel snapshot restore'"), out);
    }

    @Test
    void commitSaysTheDatabaseStaysAndTheSnapshotWasDiscarded() {
        SnapshotCommitCommand.print(printed.text, Records.snapshot("s1", 300 * MIB, true));
        assertEquals("Work session ended: the database stays as it is now; discarded snapshot s1 (filecopy, 300.0 MiB).",
                printed.raw().strip());
    }

    @Test
    void restoreSaysWhatWasRestoredAndThatItWasVerified() {
        SnapshotRestoreCommand.print(printed.text, new RestoreReport(Records.snapshot("s1", 300 * MIB, true), true, 2_500));
        assertEquals("""
                Restored snapshot s1 (filecopy, 300.0 MiB, taken 2026-11-22T08:15:30Z) at /srv/app/.keel/snapshots/s1 in 2.5 s.
                Verified: the schema matches the fingerprint recorded with the snapshot.""", printed.raw().strip());
    }

    @Test
    void restoreSaysPlainlyWhenItCouldNotVerify() {
        SnapshotRestoreCommand.print(printed.text, new RestoreReport(Records.snapshot("s1", 1, false), false, 5));
        assertTrue(printed.raw().contains("Not verified: no schema fingerprint was recorded with this snapshot."),
                printed.raw());
    }

    @Test
    void restoreOfAMismatchSaysSoAndWhereToLook() {
        SnapshotRestoreCommand.print(printed.text, new RestoreReport(Records.snapshot("s1", 1, true), false, 5));
        assertTrue(printed.raw().contains("Not verified: the schema does not match the fingerprint")
                && printed.raw().contains("keel status"), printed.raw());
    }

    @Test
    void restoreThatUsedTheSnapshotUpSaysSo() {
        Snapshot s = Records.snapshot("s1", 1, true);
        Snapshot consumed = new Snapshot(s.id(), s.strategy(), s.createdAt(), s.sizeBytes(), s.location(), true, s.metadata());
        SnapshotRestoreCommand.print(printed.text, new RestoreReport(consumed, true, 5));
        assertTrue(printed.raw().contains("no longer listed"), printed.raw());
    }

    @Test
    void listIsATable() {
        SnapshotListCommand.print(printed.text, List.of(Records.snapshot("20261122T081530Z-3f2a", 2 * MIB, true),
                Records.snapshot("20261122T091530Z-77aa", 1536, false)));
        String[] lines = printed.raw().strip().split("\n");
        assertEquals("2 snapshot(s), 2.0 MiB in all:", lines[0]);
        assertTrue(lines[1].matches("\\s+ID\\s+STRATEGY\\s+TAKEN\\s+SIZE\\s+LABEL\\s+LOCATION"), lines[1]);
        assertTrue(lines[2].matches("\\s+20261122T081530Z-3f2a\\s+filecopy\\s+2026-11-22T08:15:30Z\\s+2\\.0 MiB\\s+migrate"
                + "\\s+/srv/app/\\.keel/snapshots/20261122T081530Z-3f2a"), lines[2]);
        assertTrue(lines[3].contains("1.5 KiB") && lines[3].contains("manual"), lines[3]);
    }

    @Test
    void emptyListAndNothingToPrune() {
        SnapshotListCommand.print(printed.text, List.of());
        SnapshotPruneCommand.print(printed.text, List.of());
        assertEquals("No snapshots.\nNothing to prune.", printed.raw().strip());
    }

    @Test
    void pruneSaysWhatWasDiscardedAndHowMuchWasFreed() {
        SnapshotPruneCommand.print(printed.text, List.of(Records.snapshot("a", MIB, true), Records.snapshot("b", MIB, true)));
        assertTrue(printed.raw().startsWith("Discarded 2 snapshot(s), 2.0 MiB freed:"), printed.raw());
    }

    @Test
    void snapshotJsonHasEveryField() throws Exception {
        JsonNode json = ProtectionRenderingTest.json(
                new java.util.LinkedHashMap<>(SnapshotJson.restore(new RestoreReport(Records.snapshot("s1", 7, true), true, 9))));
        assertEquals(true, json.path("verified").asBoolean());
        assertEquals(9, json.path("elapsedMs").asLong());
        JsonNode snapshot = json.path("snapshot");
        assertEquals("s1", snapshot.path("id").asText());
        assertEquals("filecopy", snapshot.path("strategy").asText());
        assertEquals("2026-11-22T08:15:30.123Z", snapshot.path("createdAt").asText());
        assertEquals(7, snapshot.path("sizeBytes").asLong());
        assertEquals(false, snapshot.path("consumedByRestore").asBoolean());
        assertEquals("3866e78e", snapshot.path("metadata").path(Snapshot.FINGERPRINT).asText());
    }
}
