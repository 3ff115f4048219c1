package dev.keel.systemtests.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What must hold after a {@code keel migrate} whose migration 3 failed at its third statement in a run protected by a
 * snapshot (SPEC §3, §6): exit 1; the output names the failure and the restored snapshot; the database, history
 * included, is as before the run; the audit log records the snapshot, the restore and the failed run; no journal or
 * maintenance flag is left; and the next command finds the migrations of the run pending.
 */
final class FailedRun {

    private FailedRun() {
    }

    /**
     * @param failed        the failed run, in text mode
     * @param before        the database before the run
     * @param historyBefore the history rows before the run
     * @param pending       the versions the run tried, pending again afterwards
     * @return the id of the snapshot that was restored
     */
    static String assertRestored(Workspace workspace, Target target, KeelRun failed, DatabaseState before,
            List<String> historyBefore, List<String> pending) {
        assertEquals(1, failed.exitCode(), () -> "exit 1: failed and restored\n" + failed);

        // The audit log, outside the database, keeps the record that the restore erased from it.
        List<JsonNode> runs = workspace.audit("run");
        assertFalse(runs.isEmpty(), () -> "no run in the audit log " + workspace.audit() + "\n" + failed);
        JsonNode run = runs.get(runs.size() - 1);
        assertEquals("failed-restored", run.path("outcome").asText(), run::toString);
        String id = run.path("snapshot").asText();
        assertTrue(Workspace.SNAPSHOT_ID.matcher(id).matches(), () -> "the run names its snapshot: " + run);
        assertTrue(run.path("error").asText().contains("statement 3"), () -> "the run says what failed: " + run);
        List<JsonNode> all = workspace.audit();
        int taken = indexOf(all, "snapshot", id);
        int restored = indexOf(all, "restore", id);
        int recorded = all.indexOf(run);
        assertTrue(taken >= 0, () -> "the audit log records the snapshot " + id + " being taken: " + all);
        assertTrue(restored > taken, () -> "the audit log records the restore of " + id + " after it was taken: " + all);
        assertTrue(recorded > restored, () -> "the failed run is recorded after the restore: " + all);
        assertEquals("taken", all.get(taken).path("outcome").asText(), () -> all.get(taken).toString());
        assertEquals("verified", all.get(restored).path("outcome").asText(),
                () -> "the restore is verified against the fingerprint taken before the run: " + all.get(restored));

        // The output says what failed (migration, statement, the database's error) and what was restored.
        String output = failed.output();
        String lower = output.toLowerCase(Locale.ROOT);
        for (String expected : List.of("KEEL-E0601", Migrations.V3, "statement 3", "order_no", id)) {
            assertTrue(output.contains(expected), () -> "the output mentions " + expected + "\n" + failed);
        }
        assertTrue(lower.contains("restored"), () -> "the output says the snapshot was restored\n" + failed);

        // The database, schema and rows and history, is as before the run.
        before.assertSameAs(target.state(), "after the restore");
        assertEquals(historyBefore, target.history(), "history after the restore");

        // Nothing of the run is left in keel's folder: no maintenance flag, no journal to recover.
        assertFalse(Files.exists(workspace.keelFolder().resolve("migration.lock")), "maintenance flag lowered");
        assertFalse(Files.exists(workspace.keelFolder().resolve("journal.properties")), "journal cleared");

        // The next command works on the restored database and finds the run's migrations pending.
        KeelRun status = workspace.keel("status", "--json");
        assertEquals(0, status.exitCode(), status::toString);
        List<String> stillPending = new ArrayList<>();
        for (JsonNode m : status.json().path("migrations")) {
            if ("pending".equals(m.path("state").asText())) {
                stillPending.add(m.path("version").asText());
            }
        }
        assertEquals(pending, stillPending, status::toString);
        return id;
    }

    private static int indexOf(List<JsonNode> entries, String event, String snapshot) {
        for (int i = 0; i < entries.size(); i++) {
            if (event.equals(entries.get(i).path("event").asText()) && snapshot.equals(entries.get(i).path("snapshot").asText())) {
                return i;
            }
        }
        return -1;
    }
}
