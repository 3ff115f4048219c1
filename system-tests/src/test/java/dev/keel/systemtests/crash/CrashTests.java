package dev.keel.systemtests.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.systemtests.KeelProcess;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the crash plan of {@link CrashHarness} on one target and checks the coverage: at least
 * {@value #MIN_KILLS} kills, at least {@value #MIN_PER_PHASE} of them in each of the snapshot copy, the statements
 * and the restore; on a server, at least one kill left a mixture that the next command undid.
 *
 * <p>{@code -Dkeel.crash.extra=N} bounds the extra kills aimed at a phase still short (default 12). To look into one
 * kind of kill, without the coverage checks: {@code -Dkeel.crash.only=ANCHOR,…} runs only the planned kills at those
 * anchors (as the report names them, e.g. {@code take:waiting}, {@code MIGRATION_FAILED}),
 * {@code -Dkeel.crash.fractions=0.1,0.5} once per fraction of the phase instead, {@code -Dkeel.crash.repeat=N} times.
 */
final class CrashTests {

    static final int MIN_KILLS = 20;
    static final int MIN_PER_PHASE = 3;

    private CrashTests() {
    }

    /**
     * A run killed while it starts the server (after the copy, and after the swap of a restore), with that server
     * frozen while the next command runs, as a server that is slow to start: the next command must wait for it, not
     * start a second server on the same data directory, and end with the database as before.
     */
    static void runSlowStart(CrashTarget target, Path dir) throws Exception {
        long started = System.nanoTime();
        CrashHarness harness = new CrashHarness(target, dir);
        try {
            harness.setUp(false);
            harness.run(List.of(
                    new CrashHarness.KillPoint(CrashHarness.Scenario.SUCCEEDS, CrashHarness.Anchor.take("starting"), 0,
                            CrashHarness.Recovery.STATUS, true),
                    new CrashHarness.KillPoint(CrashHarness.Scenario.FAILS, CrashHarness.Anchor.restore("starting"), 0,
                            CrashHarness.Recovery.STATUS, true)), 0, 0, 0);
        } finally {
            KeelProcess.killLeftovers();
            dropQuietly(target);
            long total = (System.nanoTime() - started) / 1_000_000;
            System.out.println("(report: " + harness.writeReport(total, "-slow-start") + ")");
        }
        var counts = harness.counts();
        assertTrue(counts.getOrDefault(CrashHarness.Landing.COPY, 0L) == 1
                && counts.getOrDefault(CrashHarness.Landing.RESTORE, 0L) == 1, () -> "the kills did not land while the"
                + " server was starting (in the copy and in the restore): " + counts);
    }

    /** Drops the target's database without hiding the failure that may be on its way out. */
    private static void dropQuietly(CrashTarget target) {
        try {
            target.drop();
        } catch (RuntimeException e) {
            System.out.println("could not drop " + target.name() + "'s database: " + e.getMessage());
        }
    }

    static void run(CrashTarget target, Path dir) throws Exception {
        long started = System.nanoTime();
        CrashHarness harness = new CrashHarness(target, dir);
        try {
            harness.setUp();
            List<CrashHarness.KillPoint> plan = harness.plan();
            String only = System.getProperty("keel.crash.only", "");
            if (!only.isBlank()) {
                List<String> wanted = List.of(only.split(","));
                List<CrashHarness.KillPoint> chosen = plan.stream()
                        .filter(p -> wanted.contains(p.anchor().toString())).toList();
                String fractions = System.getProperty("keel.crash.fractions", "");
                if (!fractions.isBlank()) {
                    chosen = chosen.stream().map(CrashHarness.KillPoint::anchor).distinct()
                            .flatMap(a -> java.util.Arrays.stream(fractions.split(",")).map(f -> new CrashHarness.KillPoint(
                                    plan.stream().filter(p -> p.anchor().equals(a)).findFirst().orElseThrow().scenario(),
                                    a, Double.parseDouble(f.strip()), CrashHarness.Recovery.STATUS)))
                            .toList();
                }
                for (int i = 0; i < Integer.getInteger("keel.crash.repeat", 1); i++) {
                    harness.run(chosen, 0, 0, 0);
                }
                return;
            }
            harness.run(plan, MIN_KILLS, MIN_PER_PHASE, Integer.getInteger("keel.crash.extra", 12));
        } finally {
            KeelProcess.killLeftovers();
            dropQuietly(target);
            long total = (System.nanoTime() - started) / 1_000_000;
            Path report = harness.writeReport(total, "");
            System.out.println(harness.report(total).lines().limit(12).reduce("", (a, b) -> a + b + "\n")
                    + "(report: " + report + ")");
        }
        var counts = harness.counts();
        if (target.kind() != DatabaseState.Kind.SQLITE) {
            // The comparison can see a mixture: kills in the statements left one, and the recovery undid it.
            assertTrue(harness.mixturesUndone() > 0, () -> "no kill left a mixture to undo: " + counts);
        }
        assertTrue(harness.kills() >= MIN_KILLS, () -> "only " + harness.kills() + " kills landed: " + counts);
        for (CrashHarness.Landing phase : new CrashHarness.Landing[] {CrashHarness.Landing.COPY,
                CrashHarness.Landing.STATEMENTS, CrashHarness.Landing.RESTORE}) {
            assertTrue(counts.getOrDefault(phase, 0L) >= MIN_PER_PHASE,
                    () -> "fewer than " + MIN_PER_PHASE + " kills landed in " + phase + ": " + counts);
        }
    }
}
