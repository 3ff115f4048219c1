package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.event.RecoveryPerformed;
import dev.keel.spi.event.RunStep;
import dev.keel.spi.event.SnapshotProgressed;
import dev.keel.spi.event.SnapshotRestored;
import dev.keel.spi.event.SnapshotTaken;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How steps, snapshot progress and snapshot outcomes are rendered, on a terminal and in a log. */
class TextProgressTest {

    static final long GIB = 1024L * 1024 * 1024;

    final Printed printed = new Printed();
    final AtomicLong now = new AtomicLong(1_000_000);

    TextProgress plain() {
        return new TextProgress(printed.text, false, 80, now::get);
    }

    TextProgress live() {
        return new TextProgress(printed.text, true, 80, now::get);
    }

    static RunStep step(int number, RunStep.State state, String detail) {
        return new RunStep(number, 5, "Creating database snapshot", state, detail);
    }

    static SnapshotProgressed copying(long done, long total) {
        return new SnapshotProgressed("20261122T081530Z-3f2a", "take", "copying", done, total);
    }

    @Test
    void withoutATerminalAStepIsAPlainLineWhenItStartsAndWhenItEnds() {
        TextProgress progress = plain();
        progress.on(step(2, RunStep.State.STARTED, ""));
        progress.on(step(2, RunStep.State.DONE, ""));
        progress.on(new RunStep(3, 5, "Running post-migration hooks", RunStep.State.SKIPPED, "none configured"));
        assertEquals("""
                [2/5] Creating database snapshot…
                [2/5] Creating database snapshot… OK
                [3/5] Running post-migration hooks… skipped (none configured)""", printed.raw().strip());
        assertFalse(printed.raw().contains("\r"), "no redraws in a log");
    }

    @Test
    void onATerminalTheOutcomeCompletesTheStepLineInPlace() {
        TextProgress progress = live();
        progress.on(step(2, RunStep.State.STARTED, ""));
        assertFalse(printed.raw().contains("\n"), "the started step waits on an open line");
        progress.on(step(2, RunStep.State.FAILED, "disk full"));
        assertEquals("[2/5] Creating database snapshot… FAILED (disk full)", printed.screen());
        assertEquals(1, printed.raw().chars().filter(c -> c == '\n').count(), printed.raw());
    }

    @Test
    void onATerminalTheBarIsDrawnAfterTheStepAndReplacedByTheOutcome() {
        TextProgress progress = new TextProgress(printed.text, true, 120, now::get);
        progress.on(step(2, RunStep.State.STARTED, ""));
        progress.on(copying(GIB / 2, GIB));
        assertTrue(printed.screen().startsWith("[2/5] Creating database snapshot… copying [==========>"),
                printed.screen());
        assertTrue(printed.screen().endsWith(" 50% 512.0 MiB/1.0 GiB"), printed.screen());
        progress.on(step(2, RunStep.State.DONE, ""));
        assertEquals("[2/5] Creating database snapshot… OK", printed.screen());
    }

    @Test
    void onATerminalTheBarIsRedrawnAtMostTenTimesASecond() {
        TextProgress progress = live();
        progress.on(copying(0, 100));
        for (int i = 1; i < 100; i++) {
            progress.on(copying(i, 100)); // all at the same instant
        }
        assertEquals(1, printed.raw().chars().filter(c -> c == '\r').count(), printed.raw());
        now.addAndGet(TextProgress.REDRAW_MS);
        progress.on(copying(99, 100));
        assertEquals(2, printed.raw().chars().filter(c -> c == '\r').count(), printed.raw());
        progress.on(copying(100, 100)); // the end is always drawn
        assertTrue(printed.screen().contains("100%"), printed.screen());
    }

    @Test
    void onATerminalTheSnapshotLineFollowsTheStepItBelongsTo() {
        TextProgress progress = live();
        progress.on(step(2, RunStep.State.STARTED, ""));
        progress.on(copying(GIB, GIB));
        progress.on(new SnapshotTaken("s1", "filecopy", GIB, 900));
        progress.on(step(2, RunStep.State.DONE, "s1"));
        assertEquals("""
                [2/5] Creating database snapshot… OK (s1)
                  Snapshot s1 taken with filecopy: 1.0 GiB in 900 ms.""", printed.screen());
    }

    @Test
    void withoutATerminalTheSnapshotLineComesWhenItHappens() {
        TextProgress progress = plain();
        progress.on(step(2, RunStep.State.STARTED, ""));
        progress.on(new SnapshotTaken("s1", "filecopy", GIB, 900));
        progress.on(step(2, RunStep.State.DONE, ""));
        assertEquals("""
                [2/5] Creating database snapshot…
                  Snapshot s1 taken with filecopy: 1.0 GiB in 900 ms.
                [2/5] Creating database snapshot… OK""", printed.raw().stripTrailing());
    }

    @Test
    void aBareBarIsClearedWhenTheNextLineComes() {
        TextProgress progress = live();
        progress.on(copying(GIB, 2 * GIB));
        progress.on(new SnapshotTaken("20261122T081530Z-3f2a", "filecopy", 2 * GIB, 3_400));
        assertEquals("  Snapshot 20261122T081530Z-3f2a taken with filecopy: 2.0 GiB in 3.4 s.", printed.screen());
    }

    @Test
    void anotherLineDuringAStartedStepEndsTheStepLineAndTheOutcomeRepeatsTheTitle() {
        TextProgress progress = live();
        progress.on(new RunStep(3, 5, "Applying migrations", RunStep.State.STARTED, ""));
        progress.on(new MigrationApplied("0001", "0001_a.sql", 4));
        progress.on(new RunStep(3, 5, "Applying migrations", RunStep.State.DONE, "1 applied"));
        assertEquals("""
                [3/5] Applying migrations…
                  ✓ 0001  0001_a.sql (4 ms)
                [3/5] Applying migrations… OK (1 applied)""", printed.screen());
    }

    @Test
    void finishEndsAnOpenStepLineWithoutItsBar() {
        TextProgress progress = live();
        progress.on(step(2, RunStep.State.STARTED, ""));
        progress.on(copying(10, 100));
        progress.finish();
        assertEquals("[2/5] Creating database snapshot…", printed.screen());
        assertTrue(printed.raw().endsWith("\n"), "the next output starts on a line of its own");
    }

    @Test
    void withoutATerminalProgressIsALineEveryTenPercent() {
        TextProgress progress = plain();
        for (int i = 0; i <= 1000; i++) {
            progress.on(copying(i, 1000));
        }
        String[] lines = printed.raw().stripTrailing().split("\n");
        assertEquals(11, lines.length, printed.raw());
        assertEquals("  taking snapshot 20261122T081530Z-3f2a: copying 0% (0 B of 1000 B)", lines[0]);
        assertEquals("  taking snapshot 20261122T081530Z-3f2a: copying 50% (500 B of 1000 B)", lines[5]);
        assertEquals("  taking snapshot 20261122T081530Z-3f2a: copying 100% (1000 B of 1000 B)", lines[10]);
    }

    @Test
    void withoutATerminalAPhaseOfUnknownLengthSaysItIsAliveEveryTwoSeconds() {
        TextProgress progress = plain();
        for (int i = 0; i < 50; i++) {
            progress.on(new SnapshotProgressed("s1", "restore", "waiting", 0, 0));
            now.addAndGet(100); // 5 s in all
        }
        progress.on(new SnapshotProgressed("s1", "restore", "starting", 0, 0)); // a new phase always shows
        String waiting = "  restoring snapshot s1: waiting…\n";
        assertEquals(waiting.repeat(3) + "  restoring snapshot s1: starting…", printed.raw().stripTrailing());
    }

    @Test
    void copiesOfUnknownSizeShowWhatWasCopiedSoFar() {
        assertEquals("copying (3.0 MiB so far)", TextProgress.plainProgress(copying(3 * 1024 * 1024, 0)));
        assertEquals("copying 3.0 MiB…", TextProgress.bar(copying(3 * 1024 * 1024, 0), true));
    }

    @Test
    void restoreAndRecoveryAreOneLineEach() {
        TextProgress progress = plain();
        progress.on(new SnapshotRestored("s1", true, 2_100));
        progress.on(new SnapshotRestored("s2", false, 80));
        progress.on(new RecoveryPerformed("snapshot take", "deleted the partial copy and started the server again"));
        assertEquals("""
                  Snapshot s1 restored in 2.1 s; verified: the schema matches the fingerprint recorded with the snapshot.
                  Snapshot s2 restored in 80 ms; not verified against a schema fingerprint.
                Recovered an interrupted snapshot take: deleted the partial copy and started the server again""",
                printed.raw().stripTrailing());
    }

    @Test
    void aTitleThatEndsInAnEllipsisGetsNoSecondOne() {
        assertEquals("[1/2] Waiting…", TextProgress.stepTitle(new RunStep(1, 2, "Waiting…", RunStep.State.STARTED, "")));
    }

    @Test
    void onANarrowTerminalTheAmountsGoFirst() {
        TextProgress progress = live();
        progress.on(step(2, RunStep.State.STARTED, ""));
        progress.on(copying(GIB / 2, GIB));
        assertEquals("[2/5] Creating database snapshot… copying [==========>         ]  50%", printed.screen());
    }

    @Test
    void aLongTitleLeavesRoomForTheBarWithinTheTerminalWidth() {
        TextProgress progress = new TextProgress(printed.text, true, 60, now::get);
        progress.on(new RunStep(2, 5, "Creating a database snapshot of a very large data directory", RunStep.State.STARTED, ""));
        progress.on(copying(1, 2));
        String shown = printed.screen();
        assertTrue(shown.startsWith("[2/5] copying ["), shown);
        assertTrue(shown.length() < 60, shown);
    }
}
