package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.event.RecoveryPerformed;
import dev.keel.spi.event.RunStep;
import dev.keel.spi.event.SnapshotProgressed;
import dev.keel.spi.event.SnapshotRestored;
import dev.keel.spi.event.SnapshotTaken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The invocation's events: progress on the right stream, and the steps and snapshots kept for the document. */
class RunEventsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final GlobalOptions global = new GlobalOptions();
    final AtomicLong now = new AtomicLong();

    RunEvents events(boolean terminal) {
        CliEnvironment environment = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Path.of(""), terminal);
        return new RunEvents(environment, global, now::get);
    }

    void aRun(RunEvents events) {
        events.on(new RecoveryPerformed("snapshot take", "deleted the partial copy"));
        events.on(new RunStep(1, 3, "Creating database snapshot", RunStep.State.STARTED, ""));
        for (int i = 0; i <= 100; i++) {
            events.on(new SnapshotProgressed("s1", "take", "copying", i, 100));
        }
        events.on(new SnapshotTaken("s1", "filecopy", 100, 7));
        events.on(new RunStep(1, 3, "Creating database snapshot", RunStep.State.DONE, ""));
        events.on(new MigrationApplied("0001", "0001_a.sql", 3));
        events.on(new RunStep(2, 3, "Applying migrations", RunStep.State.FAILED, "0002 failed"));
        events.on(new SnapshotRestored("s1", true, 11));
    }

    @Test
    void withJsonProgressGoesToStderrAndStdoutStaysEmpty() {
        global.json = true;
        RunEvents events = events(true);
        aRun(events);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("[1/3] Creating database snapshot… OK"), progress);
        assertTrue(progress.contains("[2/3] Applying migrations… FAILED (0002 failed)"), progress);
        assertTrue(!progress.contains("\r") && !progress.contains("\u001B["), "plain lines without colour: " + progress);
    }

    @Test
    void withoutJsonProgressGoesToStdout() {
        aRun(events(false));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Snapshot s1 taken with filecopy: 100 B in 7 ms."));
    }

    @Test
    void theDocumentGetsStepsSnapshotsAndRecoveriesWithProgressThinned() {
        RunEvents events = events(false);
        aRun(events);
        List<Map<String, Object>> recorded = events.recorded();
        List<Object> types = recorded.stream().map(e -> e.get("type")).toList();
        assertEquals("RecoveryPerformed", types.get(0));
        assertEquals("RunStep", types.get(1));
        assertEquals(11, types.stream().filter("SnapshotProgressed"::equals).count(), types::toString);
        assertTrue(types.containsAll(List.of("SnapshotTaken", "SnapshotRestored")), types::toString);
        assertTrue(!types.contains("MigrationApplied"), "the applied list says that already");
        Map<String, Object> failed = recorded.stream()
                .filter(e -> "failed".equals(e.get("state"))).findFirst().orElseThrow();
        assertEquals(Map.of("type", "RunStep", "number", 2, "total", 3, "title", "Applying migrations", "state", "failed",
                "detail", "0002 failed"), failed);
        Map<String, Object> restored = recorded.get(recorded.size() - 1);
        assertEquals(Map.of("type", "SnapshotRestored", "snapshotId", "s1", "verified", true, "elapsedMs", 11L), restored);
    }

    @Test
    void finishEndsALiveLineBeforeOtherOutput() {
        RunEvents events = events(true);
        events.on(new RunStep(1, 3, "Creating database snapshot", RunStep.State.STARTED, ""));
        assertTrue(!out.toString(StandardCharsets.UTF_8).endsWith("\n"));
        events.finish();
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith(System.lineSeparator()));
    }
}
