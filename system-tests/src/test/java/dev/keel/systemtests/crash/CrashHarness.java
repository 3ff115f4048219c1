package dev.keel.systemtests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.crash.ProgressLines.Mark;
import dev.keel.systemtests.crash.WatchedRun.TimedLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Kills a real {@code keel migrate} with {@code SIGKILL} at chosen points of its run and checks what the next
 * command makes of it (SPEC §6, TESTING.md "Faults", issue 4 acceptance 3).
 *
 * <p>Two runs are crashed, each from the same "before" state (V1 applied, a large table loaded): one that succeeds
 * (V2–V4, several statements each) and one whose V4 fails at a later statement, so that the run restores its
 * snapshot. A kill point is a line of the run's plain progress output to wait for (the snapshot step, the first line
 * of a snapshot phase such as {@code stopping} or {@code copying}, the apply step, the failed migration, a restore
 * phase) and a fraction of the time that phase took in a calibration run; so the kills spread over the snapshot
 * copy, the statements and the restore whatever the machine's speed. Where each kill really landed is read
 * afterwards from the journal the killed process left ({@code TAKING} = copy, {@code PROTECTING} = statements,
 * {@code RESTORING} = restore) and the lines it had printed.
 *
 * <p>After each kill, {@code keel status --json} (or {@code keel migrate}) must exit 0 having recovered: journal
 * gone, the recovery said and recorded in the audit log (every line of which is still one JSON object); the schema,
 * data and history equal to the "before" state or the "after" state, the one the phase implies (a crash before the
 * journal is cleared is undone, after it the run is complete), never anything else; status without problems or
 * drift; every snapshot that existed before the run still there, and the run's own unless a restore used it up; no
 * unfinished snapshot folder; the server running, exactly one server process on the data directory; no maintenance
 * flag naming a live process. Some kills are followed by a complete {@code keel migrate}. The database is then put
 * back to "before" with plain SQL where it is "after", and the snapshots of the run are deleted (Keel keeps 10), except
 * the one taken by V1's run, which lives through every crash of the class.
 */
final class CrashHarness {

    /** Which run is crashed. */
    enum Scenario {
        SUCCEEDS, FAILS
    }

    /**
     * The line a kill waits for before its delay starts: a step or a migration line, or the first progress line of a
     * snapshot phase ({@code taking snapshot …: stopping…}); the delay is a fraction of how long the calibration
     * run took from that line to the end of what it starts (see {@link #learn(Scenario, WatchedRun)}).
     *
     * @param mark     the line's mark
     * @param subPhase for progress lines, the snapshot phase ({@code stopping}, {@code copying}, …); else null
     */
    record Anchor(Mark mark, String subPhase) {
        static final Anchor SNAPSHOT_STEP = new Anchor(Mark.SNAPSHOT_STEP, null);
        static final Anchor APPLY_STEP = new Anchor(Mark.APPLY_STEP, null);
        static final Anchor FAILURE = new Anchor(Mark.MIGRATION_FAILED, null);
        static final Anchor COMMIT_STEP = new Anchor(Mark.COMMIT_STEP, null);

        static Anchor take(String subPhase) {
            return new Anchor(Mark.TAKE_PROGRESS, subPhase);
        }

        static Anchor restore(String subPhase) {
            return new Anchor(Mark.RESTORE_PROGRESS, subPhase);
        }

        /** The anchor a line is, if any. */
        static Optional<Anchor> of(TimedLine line) {
            return switch (line.mark()) {
                case SNAPSHOT_STEP, APPLY_STEP, MIGRATION_FAILED, COMMIT_STEP -> Optional.of(new Anchor(line.mark(), null));
                case TAKE_PROGRESS, RESTORE_PROGRESS -> ProgressLines.snapshotPhase(line.text())
                        .map(phase -> new Anchor(line.mark(), phase));
                default -> Optional.empty();
            };
        }

        boolean matches(TimedLine line) {
            return Anchor.of(line).filter(this::equals).isPresent();
        }

        /** The snapshot is the same work in both scenarios; the later phases differ. */
        String key(Scenario scenario) {
            String name = mark.name().toLowerCase(Locale.ROOT) + (subPhase == null ? "" : ":" + subPhase);
            return mark == Mark.SNAPSHOT_STEP || mark == Mark.TAKE_PROGRESS ? name
                    : scenario.name().toLowerCase(Locale.ROOT) + "." + name;
        }

        @Override
        public String toString() {
            return subPhase == null ? mark.name() : (mark == Mark.TAKE_PROGRESS ? "take:" : "restore:") + subPhase;
        }
    }

    /** The first command after the crash. */
    enum Recovery {
        /** {@code keel status --json}: recovers, changes nothing else. */
        STATUS,
        /** {@code keel status --json}, then {@code keel migrate}: recovers, then the run is done again in full. */
        STATUS_THEN_MIGRATE,
        /** {@code keel migrate} right away: recovers first, then applies. */
        MIGRATE
    }

    /** Where a kill landed. */
    enum Landing {
        /** The process ended by itself before the kill. */
        NOT_KILLED,
        /** Before the snapshot's journal was written: nothing to recover. */
        BEFORE_SNAPSHOT,
        /** Journal {@code TAKING}: during the snapshot (space check, server stop, copy, start). */
        COPY,
        /** Journal {@code PROTECTING}: migrations being applied (or failed, before the restore began). */
        STATEMENTS,
        /** Journal {@code RESTORING}: during the restore after the failure. */
        RESTORE,
        /** No journal, the run had finished its statements and cleared it (committing, exiting). */
        AFTER_RUN,
        /** No journal, the restore was complete (exiting with its error). */
        AFTER_RESTORE
    }

    /**
     * A planned kill.
     *
     * @param fraction        of the anchor's phase duration (from calibration) to wait after the anchor line
     * @param slowServerStart instead of waiting: kill as soon as a server process runs on the data directory again
     *                        (the run is starting it), and freeze that process ({@code SIGSTOP}) for
     *                        {@value #FREEZE_MS} ms while the next command runs, as a server that is slow to start
     */
    record KillPoint(Scenario scenario, Anchor anchor, double fraction, Recovery recovery, boolean slowServerStart) {
        KillPoint(Scenario scenario, Anchor anchor, double fraction, Recovery recovery) {
            this(scenario, anchor, fraction, recovery, false);
        }
    }

    /** How long a server that a killed run was starting is kept frozen while the next command runs. */
    static final long FREEZE_MS = 6_000;

    /** What one kill did. */
    record Outcome(int number, KillPoint point, long delayMs, Landing landing, String detail, boolean after,
            long iterationMs, long recoveryMs, boolean mixtureUndone) {
    }

    private static final long RUN_TIMEOUT_MS = 180_000;
    private static final String SNAPSHOTS = "snapshots";
    private static final com.fasterxml.jackson.databind.ObjectMapper AUDIT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final CrashTarget target;
    private final Path dir;
    private final Path ok;
    private final Path failing;
    private final Path workDirectory;
    private final Path snapshotDirectory;
    private final Map<String, Long> windows = new HashMap<>();
    private final List<String> windowOrder = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    private final Random random = new Random(4);
    private DatabaseState before;
    private DatabaseState after;
    private String sentinel;
    private long setUpMs;
    private long calibrationMs;
    private int iteration;

    CrashHarness(CrashTarget target, Path dir) {
        this.target = target;
        this.dir = dir;
        this.ok = dir.resolve("migrations-ok");
        this.failing = dir.resolve("migrations-failing");
        this.workDirectory = dir.resolve(".keel");
        this.snapshotDirectory = workDirectory.resolve(SNAPSHOTS);
    }

    // ------------------------------------------------------------------------------------------ set-up

    /**
     * Loads the data, writes keel.yaml and the migrations, applies V1 (its snapshot becomes the sentinel that must
     * survive every crash), records the "before" state, and measures one complete run of each scenario (recording
     * the "after" state).
     */
    void setUp() throws IOException {
        setUp(true);
    }

    /**
     * As {@link #setUp()}; without {@code calibrate} no complete run is made, so there is no "after" state and no
     * phase durations (for kills that do not wait a fraction of a phase and are all undone).
     */
    void setUp(boolean calibrate) throws IOException {
        long started = System.nanoTime();
        target.loadData();
        List<String> yaml = new ArrayList<>(List.of(
                "# Crash tests (" + target.name() + "): development mode, filecopy snapshots",
                "url: '" + target.url() + "'",
                "environment: development",
                "snapshot:"));
        yaml.addAll(target.snapshotSection().stream().map(l -> "  " + l).toList());
        Files.writeString(dir.resolve("keel.yaml"), String.join("\n", yaml) + "\n", StandardCharsets.UTF_8);
        Path first = dir.resolve("migrations-v1");
        write(first, Map.of("V1__settings.sql", target.v1()));
        write(ok, Map.of("V1__settings.sql", target.v1(), "V2__orders.sql", target.v2(), "V3__flags.sql", target.v3(),
                "V4__audit.sql", target.v4()));
        write(failing, Map.of("V1__settings.sql", target.v1(), "V2__orders.sql", target.v2(),
                "V3__flags.sql", target.v3(), "V4__audit.sql", target.v4Failing()));

        KeelRun v1 = keel(migrate(first));
        assertEquals(0, v1.exitCode(), () -> "applying V1 failed:\n" + v1);
        assertTrue(v1.output().contains("Creating database snapshot"),
                () -> "V1's run must be protected by a snapshot (the sentinel):\n" + v1);
        Set<String> snapshots = snapshots();
        assertEquals(1, snapshots.size(), () -> "V1's run left one snapshot: " + snapshots + "\n" + v1);
        sentinel = snapshots.iterator().next();
        before = state();
        assertEquals(List.of("1=success"), before.history(), before::toString);
        setUpMs = elapsed(started);
        Path jar = KeelProcess.builtJar();
        record("keel jar: " + jar + " (" + Files.size(jar) + " bytes, built " + Files.getLastModifiedTime(jar) + ")");
        record("set-up: " + target.describe() + "; " + mib(target.databaseBytes()) + " on disk; V1 applied; sentinel "
                + "snapshot " + sentinel + "; " + setUpMs + " ms");

        if (!calibrate) {
            return;
        }
        started = System.nanoTime();
        WatchedRun success = WatchedRun.start(dir, migrate(ok));
        KeelRun done = success.finish(RUN_TIMEOUT_MS / 1000);
        assertEquals(0, done.exitCode(), () -> "the complete run failed:\n" + done);
        for (Mark m : List.of(Mark.SNAPSHOT_STEP, Mark.APPLY_STEP, Mark.COMMIT_STEP)) {
            assertTrue(success.first(m).isPresent(), () -> "no " + m + " line in the complete run (is it protected by a "
                    + "snapshot? did the progress lines change?):\n" + success.transcript() + done);
        }
        after = state();
        assertEquals(List.of("1=success", "2=success", "3=success", "4=success"), after.history(), after::toString);
        assertNotEquals(before, after);
        learn(Scenario.SUCCEEDS, success);
        record("calibration, complete run:\n" + success.transcript());
        resetToBefore();
        deleteRunSnapshots();

        WatchedRun failure = WatchedRun.start(dir, migrate(failing));
        KeelRun restored = failure.finish(RUN_TIMEOUT_MS / 1000);
        assertEquals(1, restored.exitCode(), () -> "the failing run must fail and restore (exit 1):\n" + restored);
        for (Mark m : List.of(Mark.SNAPSHOT_STEP, Mark.APPLY_STEP, Mark.MIGRATION_FAILED, Mark.RESTORED)) {
            assertTrue(failure.first(m).isPresent(), () -> "no " + m + " line in the failing run:\n"
                    + failure.transcript() + restored);
        }
        assertState(before, "after the failing run restored its snapshot");
        learn(Scenario.FAILS, failure);
        record("calibration, failing run:\n" + failure.transcript());
        deleteRunSnapshots();
        calibrationMs = elapsed(started);
        StringBuilder phases = new StringBuilder();
        windowOrder.forEach(k -> phases.append(' ').append(k).append('=').append(windows.get(k)));
        record("phase durations (ms):" + phases + "; calibration " + calibrationMs + " ms");
    }

    // ------------------------------------------------------------------------------------------ the kills

    /**
     * The plan, made from what the calibration runs showed (about 24 kills): in the copy, a kill in each phase of
     * the take that printed a line (space check, server stop, copy, start, wait; for SQLite the copy through the
     * backup API) and more in the copy itself and around the snapshot step; in the statements, kills spread over
     * both runs' migrations and one right after the failed statement, before the restore begins; in the restore, two
     * kills in each phase of it that printed a line (stop, swap, start, delete; for SQLite copy and swap), and more
     * spread over all of it; one as the complete run commits. The first command after the kill is {@code keel
     * status}, except for one kill in four: {@code keel migrate} right away, or status followed by a complete
     * migrate.
     */
    List<KillPoint> plan() {
        List<KillPoint> plan = new ArrayList<>();
        add(plan, Scenario.SUCCEEDS, Anchor.SNAPSHOT_STEP, 0.05);
        List<String> take = subPhases(Mark.TAKE_PROGRESS);
        for (String phase : take) {
            add(plan, Scenario.SUCCEEDS, Anchor.take(phase), 0.5);
        }
        add(plan, Scenario.FAILS, Anchor.take("copying"), 0.2, 0.8);
        if (take.size() < 4) {
            add(plan, Scenario.FAILS, Anchor.SNAPSHOT_STEP, 0.4, 0.7);
        }
        // Not too close to the end: the statements take a varying time, and a run that ends first is no kill.
        add(plan, Scenario.SUCCEEDS, Anchor.APPLY_STEP, 0.1, 0.3, 0.5, 0.7);
        add(plan, Scenario.FAILS, Anchor.APPLY_STEP, 0.25, 0.6);
        add(plan, Scenario.FAILS, Anchor.FAILURE, 0.0);
        List<String> restore = subPhases(Mark.RESTORE_PROGRESS);
        for (String phase : restore) {
            add(plan, Scenario.FAILS, Anchor.restore(phase), 0.3, 0.8);
        }
        for (int i = restore.size() * 2; i < 7; i++) {
            add(plan, Scenario.FAILS, Anchor.FAILURE, 0.15 + 0.7 * i / 7);
        }
        add(plan, Scenario.SUCCEEDS, Anchor.COMMIT_STEP, 0.0);
        return plan;
    }

    /** The snapshot phases the calibration runs printed lines for, in order. */
    private List<String> subPhases(Mark mark) {
        String prefix = mark.name().toLowerCase(Locale.ROOT) + ":";
        List<String> phases = new ArrayList<>();
        for (String key : windowOrder) {
            int at = key.indexOf(prefix);
            if (at >= 0 && !phases.contains(key.substring(at + prefix.length()))) {
                phases.add(key.substring(at + prefix.length()));
            }
        }
        return phases;
    }

    private static void add(List<KillPoint> plan, Scenario scenario, Anchor anchor, double... fractions) {
        Recovery[] cycle = {Recovery.STATUS, Recovery.STATUS, Recovery.MIGRATE, Recovery.STATUS, Recovery.STATUS,
            Recovery.STATUS, Recovery.STATUS_THEN_MIGRATE, Recovery.STATUS};
        for (double f : fractions) {
            plan.add(new KillPoint(scenario, anchor, f, cycle[plan.size() % cycle.length]));
        }
    }

    /**
     * Runs the plan, then more kills aimed at whatever is still short (at least {@code minKills} kills, and at least
     * {@code minPerPhase} in each of copy, statements and restore), within {@code extraBudget} further kills.
     */
    void run(List<KillPoint> plan, int minKills, int minPerPhase, int extraBudget) throws IOException {
        for (KillPoint point : plan) {
            kill(point);
        }
        int extra = 0;
        while (extra < extraBudget) {
            Map<Landing, Long> counts = counts();
            long kills = outcomes.stream().filter(o -> o.landing() != Landing.NOT_KILLED).count();
            KillPoint next;
            double f = 0.1 + 0.8 * random.nextDouble();
            Recovery recovery = Recovery.values()[extra % Recovery.values().length];
            if (counts.getOrDefault(Landing.COPY, 0L) < minPerPhase) {
                next = new KillPoint(extra % 2 == 0 ? Scenario.SUCCEEDS : Scenario.FAILS, Anchor.SNAPSHOT_STEP, f, recovery);
            } else if (counts.getOrDefault(Landing.STATEMENTS, 0L) < minPerPhase) {
                next = new KillPoint(Scenario.SUCCEEDS, Anchor.APPLY_STEP, f, recovery);
            } else if (counts.getOrDefault(Landing.RESTORE, 0L) < minPerPhase) {
                next = new KillPoint(Scenario.FAILS, Anchor.FAILURE, f, recovery);
            } else if (kills < minKills) {
                Anchor[] anchors = {Anchor.SNAPSHOT_STEP, Anchor.APPLY_STEP, Anchor.FAILURE};
                Anchor anchor = anchors[extra % 3];
                next = new KillPoint(anchor == Anchor.FAILURE ? Scenario.FAILS : Scenario.SUCCEEDS, anchor, f, recovery);
            } else {
                break;
            }
            record("extra kill point, to cover what is short: " + next);
            kill(next);
            extra++;
        }
    }

    /** One kill and everything checked after it; a failure says what the target shows (processes, logs). */
    Outcome kill(KillPoint point) throws IOException {
        try {
            return killAndCheck(point);
        } catch (AssertionError | RuntimeException e) {
            String diagnostics;
            try {
                diagnostics = target.diagnostics() + "\n.keel: " + listing(workDirectory) + "\nsnapshots: "
                        + listing(snapshotDirectory) + "\nend of the strategy's log:\n" + tail(snapshotDirectory
                        .resolve("server.log"), 25);
            } catch (RuntimeException again) {
                diagnostics = "(no diagnostics: " + again + ")";
            }
            record("FAILED at kill " + iteration + ": " + e.getMessage() + "\n" + diagnostics);
            e.addSuppressed(new AssertionError("diagnostics:\n" + diagnostics));
            throw e;
        }
    }

    /**
     * Lets frozen processes run again, and the processes above them that stopped with them: {@code runuser}, which
     * starts PostgreSQL as its user, stops itself when its child stops and would otherwise stay stopped for good.
     */
    private static void thaw(List<ProcessHandle> frozen) {
        List<ProcessHandle> stopped = new ArrayList<>(frozen);
        for (ProcessHandle p : frozen) {
            for (Optional<ProcessHandle> up = p.parent(); up.isPresent() && up.get().pid() > 1; up = up.get().parent()) {
                if (isStopped(up.get().pid())) {
                    stopped.add(up.get());
                }
            }
        }
        signal(stopped, "CONT");
    }

    private static boolean isStopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && stat.length() > afterName + 2 && stat.charAt(afterName + 2) == 'T';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to processes with {@code kill}. */
    private static void signal(List<ProcessHandle> processes, String name) {
        for (ProcessHandle p : processes) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
                // A process of a starting server may exit between the listing and the signal: nothing to signal then.
                if ((!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) && p.isAlive()) {
                    fail("kill -" + name + " " + p.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String listing(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private Outcome killAndCheck(KillPoint point) throws IOException {
        int number = ++iteration;
        long started = System.nanoTime();
        assertTrue(Files.notExists(journal()), "a journal is left from an earlier iteration");
        Set<String> snapshotsBefore = snapshots();
        assertTrue(snapshotsBefore.contains(sentinel), "the sentinel snapshot is gone before kill " + number);

        Path migrations = point.scenario() == Scenario.SUCCEEDS ? ok : failing;
        WatchedRun run = WatchedRun.start(dir, migrate(migrations));
        Optional<TimedLine> anchor = run.await(point.anchor()::matches, RUN_TIMEOUT_MS);
        long window = windows.getOrDefault(point.anchor().key(point.scenario()), 0L);
        long delay = Math.round(point.fraction() * window);
        boolean killed;
        if (point.slowServerStart()) {
            killed = anchor.isPresent() && run.killWhen(() -> !target.serverProcesses().isEmpty(), 30_000);
        } else {
            killed = anchor.isPresent() && run.killAt(anchor.get().atMs() + delay);
        }
        KeelRun killedRun = run.finish(RUN_TIMEOUT_MS / 1000);
        List<ProcessHandle> frozen = killed && point.slowServerStart() ? target.serverProcesses() : List.of();
        try {
            signal(frozen, "STOP");
        } catch (AssertionError | RuntimeException e) {
            thaw(frozen); // never leave a server half-frozen for the tests after this one
            throw e;
        }
        Optional<Properties> journal = readJournal();
        Landing landing = classify(run, killed, journal);
        String detail = detail(run, landing, anchor, delay) + (point.slowServerStart() ? "; server "
                + frozen.stream().map(ProcessHandle::pid).toList() + " frozen for " + FREEZE_MS + " ms" : "");
        String where = "kill " + number + " " + point + " delay " + delay + " ms → " + landing + " (" + detail + ")";
        if (!killed) {
            learn(point.scenario(), run);
            assertTrue(killedRun.exitCode() == 0 || killedRun.exitCode() == 1,
                    () -> where + ": the run ended by itself with exit " + killedRun.exitCode() + "\n" + killedRun);
        }
        boolean expectAfter = switch (landing) {
            case AFTER_RUN -> true;
            case NOT_KILLED -> killedRun.exitCode() == 0;
            default -> false;
        };

        // What the kill left, where it can be looked at without changing it (a server; reading a SQLite file with
        // a hot journal would roll it back): a run killed in its statements leaves a mixture for the recovery.
        boolean mixture = false;
        if (landing == Landing.STATEMENTS && target.kind() != DatabaseState.Kind.SQLITE) {
            DatabaseState crashed = state();
            mixture = !crashed.equals(before) && !crashed.equals(after);
        }

        // The first command after the crash.
        long auditLines = auditLog().size();
        long recoveryStarted = System.nanoTime();
        boolean journalLeft = journal.isPresent();
        List<String> firstArgs = point.recovery() == Recovery.MIGRATE ? migrate(ok)
                : List.of("status", "--json", "--migrations", ok.toString());
        KeelRun first;
        if (frozen.isEmpty()) {
            first = keel(firstArgs);
        } else {
            KeelProcess recovering = KeelProcess.start(dir, firstArgs);
            try {
                Thread.sleep(FREEZE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                thaw(frozen);
            }
            first = recovering.finish(KeelProcess.TIMEOUT.toSeconds());
        }
        long recoveryMs = elapsed(recoveryStarted);
        String context = where + "\n  output of the killed run:\n" + run.transcript() + "  first command after it: "
                + first;
        assertEquals(0, first.exitCode(), () -> context + "\n=> the first command after the crash must succeed");
        assertTrue(Files.notExists(journal()), () -> context + "\n=> the journal must be gone after it");
        List<JsonNode> audit = auditLog();
        if (journalLeft) {
            assertTrue(recovered(first, point.recovery()), () -> context + "\n=> it must say what it recovered");
            assertTrue(audit.subList((int) auditLines, audit.size()).stream().anyMatch(
                    e -> e.path("event").asText().equals("recovery") && e.path("outcome").asText().equals("done")),
                    () -> context + "\n=> the audit log must record the recovery");
        }
        target.assertServerRunning();
        DatabaseState now;
        if (point.recovery() == Recovery.MIGRATE) {
            now = assertState(after, context + "\n=> after recovery and a complete migrate");
        } else {
            now = assertState(expectAfter ? after : before, context + "\n=> after recovery by status");
            JsonNode status = first.json();
            assertEquals(0, status.path("problems").size(), () -> context + "\n=> status shows problems");
            assertTrue(status.path("drift").isMissingNode(), () -> context + "\n=> status shows drift");
            assertEquals(expectAfter ? 0 : 3, status.path("pending").asInt(), () -> context + "\n=> pending count");
        }
        Set<String> snapshotsAfter = snapshots();
        assertTrue(snapshotsAfter.containsAll(snapshotsBefore),
                () -> context + "\n=> snapshots lost: before " + snapshotsBefore + ", after " + snapshotsAfter);
        assertEquals(List.of(), leftovers(), () -> context + "\n=> unfinished snapshot folders left");
        journal.filter(j -> !"TAKING".equals(j.getProperty("phase"))).ifPresent(j -> {
            boolean consumed = Boolean.parseBoolean(j.getProperty("snapshot.consumedByRestore"));
            String id = j.getProperty("snapshotId");
            if (!consumed) {
                assertTrue(snapshotsAfter.contains(id), () -> context + "\n=> the run's snapshot " + id
                        + " (not used up by a restore) is lost");
            }
        });
        if (point.recovery() == Recovery.STATUS_THEN_MIGRATE) {
            KeelRun again = keel(migrate(ok));
            assertEquals(0, again.exitCode(), () -> context + "\n=> migrate after the recovery: " + again);
            target.assertServerRunning();
            now = assertState(after, context + "\n=> after the recovery and a complete migrate");
            assertTrue(snapshots().containsAll(snapshotsBefore), () -> context + "\n=> migrate lost a snapshot");
        }
        assertMaintenanceFlagNotLive(context);

        boolean recoveredToAfter = expectAfter || point.recovery() == Recovery.MIGRATE;
        if (now.equals(after)) {
            resetToBefore();
        }
        deleteRunSnapshots();
        Outcome outcome = new Outcome(number, point, delay, landing, detail + (mixture ? "; left a mixture" : ""),
                recoveredToAfter, elapsed(started), recoveryMs, mixture);
        outcomes.add(outcome);
        record(String.format(Locale.ROOT, "%-3d %-8s %-13s f=%.2f +%5d ms %-15s %-16s → %-6s recovery %5d ms, total %5d ms  %s",
                number, point.scenario(), point.anchor(), point.fraction(), delay, landing, point.recovery(),
                outcome.after() ? "after" : "before", recoveryMs, outcome.iterationMs(), outcome.detail()));
        return outcome;
    }

    // ------------------------------------------------------------------------------------------ the report

    Map<Landing, Long> counts() {
        Map<Landing, Long> counts = new EnumMap<>(Landing.class);
        for (Outcome o : outcomes) {
            counts.merge(o.landing(), 1L, Long::sum);
        }
        return counts;
    }

    /** How many kills left a database that was neither before nor after, which the next command undid. */
    long mixturesUndone() {
        return outcomes.stream().filter(Outcome::mixtureUndone).count();
    }

    long kills() {
        return outcomes.stream().filter(o -> o.landing() != Landing.NOT_KILLED).count();
    }

    /** A summary: counts per phase, the sub-phases reached, timings; and every line recorded on the way. */
    String report(long totalMs) {
        StringBuilder text = new StringBuilder();
        text.append("Crash test ").append(target.name()).append(": ").append(kills()).append(" kills in ")
                .append(outcomes.size()).append(" runs; ").append(totalMs).append(" ms in all (set-up ").append(setUpMs)
                .append(" ms, calibration ").append(calibrationMs).append(" ms)\n");
        text.append("  landings: ").append(counts()).append("; kills that left a mixture the next command undid: ")
                .append(mixturesUndone()).append('\n');
        Map<Landing, Map<String, Long>> details = new EnumMap<>(Landing.class);
        for (Outcome o : outcomes) {
            details.computeIfAbsent(o.landing(), l -> new TreeMap<>()).merge(o.detail().replaceAll(" \\+\\d+ ms.*", ""),
                    1L, Long::sum);
        }
        details.forEach((l, d) -> text.append("  ").append(l).append(": ").append(d).append('\n'));
        text.append("  iteration ms: ").append(outcomes.stream().map(o -> Long.toString(o.iterationMs()))
                .collect(Collectors.joining(", "))).append('\n');
        text.append("\n").append(log);
        return text.toString();
    }

    /** Writes the report under {@code target/crash-reports/}. */
    Path writeReport(long totalMs, String suffix) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "crash-reports").toAbsolutePath());
            Path file = folder.resolve(target.name() + suffix + ".txt");
            Files.writeString(file, report(totalMs), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Landing classify(WatchedRun run, boolean killed, Optional<Properties> journal) {
        if (!killed) {
            return Landing.NOT_KILLED;
        }
        if (journal.isPresent()) {
            return switch (journal.get().getProperty("phase", "")) {
                case "TAKING" -> Landing.COPY;
                case "PROTECTING" -> Landing.STATEMENTS;
                case "RESTORING" -> Landing.RESTORE;
                default -> fail("unknown journal phase: " + journal.get());
            };
        }
        if (run.first(Mark.MIGRATION_FAILED).isPresent()) {
            return Landing.AFTER_RESTORE;
        }
        if (run.first(Mark.APPLY_STEP).isPresent()) {
            return Landing.AFTER_RUN;
        }
        return Landing.BEFORE_SNAPSHOT;
    }

    /** The sub-phase: the snapshot phase of the last progress line, or how many migrations were through. */
    private static String detail(WatchedRun run, Landing landing, Optional<TimedLine> anchor, long delay) {
        String timing = anchor.map(a -> " +" + delay + " ms after line at " + a.atMs() + " ms").orElse(" (anchor not seen)");
        return switch (landing) {
            case COPY -> "take: " + run.last(Mark.TAKE_PROGRESS).flatMap(l -> ProgressLines.snapshotPhase(l.text()))
                    .orElse("before its first progress line") + timing;
            case STATEMENTS -> {
                long applied = run.count(Mark.MIGRATION_APPLIED);
                boolean failed = run.first(Mark.MIGRATION_FAILED).isPresent();
                yield (failed ? "a migration failed, restore not begun; " : "") + applied + " migration"
                        + (applied == 1 ? "" : "s") + " applied before" + timing;
            }
            case RESTORE -> "restore: " + run.last(Mark.RESTORE_PROGRESS).flatMap(l -> ProgressLines.snapshotPhase(l.text()))
                    .orElse("before its first progress line") + timing;
            case AFTER_RUN -> (run.first(Mark.COMMIT_STEP).isPresent() ? "committing" : "statements done") + timing;
            case AFTER_RESTORE -> (run.first(Mark.RESTORED).isPresent() ? "restored, exiting" : "restore finished")
                    + timing;
            case BEFORE_SNAPSHOT -> "no journal yet" + timing;
            case NOT_KILLED -> "ended by itself" + timing;
        };
    }

    /**
     * Learns how long each phase took in a run that went through it (the latest measurement counts: a database
     * grows to its steady size after the first complete run): from an anchor line to the end of what it starts.
     * The snapshot step and the apply step last until the next step (or the failed migration); the failed
     * migration lasts until the restore is reported; a snapshot phase lasts until the next line of another phase.
     */
    private void learn(Scenario scenario, WatchedRun run) {
        List<TimedLine> lines = run.lines();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Anchor> anchor = Anchor.of(lines.get(i));
            if (anchor.isEmpty() || !seen.add(anchor.get().key(scenario))) {
                continue;
            }
            Anchor a = anchor.get();
            Set<Mark> ends = switch (a.mark()) {
                case SNAPSHOT_STEP -> Set.of(Mark.APPLY_STEP);
                case APPLY_STEP -> Set.of(Mark.COMMIT_STEP, Mark.MIGRATION_FAILED);
                case MIGRATION_FAILED -> Set.of(Mark.RESTORED);
                default -> Set.of();
            };
            Optional<TimedLine> end = Optional.empty();
            for (int j = i + 1; j < lines.size() && end.isEmpty(); j++) {
                TimedLine later = lines.get(j);
                boolean isEnd = a.mark() == Mark.COMMIT_STEP ? j == lines.size() - 1
                        : ends.isEmpty() ? later.mark() != Mark.OTHER && !a.matches(later) : ends.contains(later.mark());
                if (isEnd) {
                    end = Optional.of(later);
                }
            }
            if (end.isPresent()) {
                String key = a.key(scenario);
                windows.put(key, end.get().atMs() - lines.get(i).atMs());
                if (!windowOrder.contains(key)) {
                    windowOrder.add(key);
                }
            }
        }
    }

    private static boolean recovered(KeelRun run, Recovery recovery) {
        if (run.output().contains("Recovered")) {
            return true;
        }
        if (recovery != Recovery.MIGRATE) {
            for (JsonNode event : run.json().path("events")) {
                if (event.path("type").asText().equals("RecoveryPerformed")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A maintenance flag left by the killed process may stay, but must not claim a live run. */
    private void assertMaintenanceFlagNotLive(String context) throws IOException {
        Path flag = workDirectory.resolve("migration.lock");
        if (Files.exists(flag)) {
            String text = Files.readString(flag, StandardCharsets.UTF_8).strip();
            long pid = Long.parseLong(text.split("\\s+")[0]);
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true),
                    () -> context + "\n=> .keel/migration.lock names a live process " + pid);
        }
    }

    private DatabaseState assertState(DatabaseState expected, String context) {
        DatabaseState actual = state();
        if (actual.equals(expected)) {
            return actual;
        }
        DatabaseState other = expected == before ? after : before;
        String which = other != null && actual.equals(other)
                ? "it is the " + (expected == before ? "after" : "before") + " state instead"
                : "it is a MIXTURE, neither the before nor the after state";
        return fail(context + "\n=> expected the " + (expected == before ? "before" : "after") + " state, but " + which
                + ":\n" + actual.differences(expected));
    }

    private DatabaseState state() {
        return DatabaseState.read(target.kind(), target.url());
    }

    /** Puts the database back to the "before" state with plain SQL, and checks that it is. */
    private void resetToBefore() {
        try (Connection c = DriverManager.getConnection(target.url()); Statement s = c.createStatement()) {
            for (String sql : target.resetStatements()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("resetting to the before state failed: " + e.getMessage(), e);
        }
        assertState(before, "after resetting to the before state with plain SQL (a mistake of this test)");
    }

    private List<String> migrate(Path migrations) {
        return List.of("migrate", "--no-color", "--migrations", migrations.toString());
    }

    private KeelRun keel(List<String> args) {
        return KeelProcess.run(dir, args);
    }

    /** The entries of {@code .keel/audit.log}; every line must be one JSON object, also after a kill. */
    private List<JsonNode> auditLog() throws IOException {
        Path file = workDirectory.resolve("audit.log");
        if (Files.notExists(file)) {
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            try {
                entries.add(AUDIT_JSON.readTree(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                fail("line " + number + " of " + file + " is not a JSON object: " + line);
            }
        }
        return entries;
    }

    private Path journal() {
        return workDirectory.resolve("journal.properties");
    }

    private Optional<Properties> readJournal() throws IOException {
        if (Files.notExists(journal())) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(journal())) {
            p.load(in);
        }
        return Optional.of(p);
    }

    /** The complete snapshots: folders named by their id holding {@code snapshot.properties}. */
    Set<String> snapshots() throws IOException {
        Set<String> ids = new TreeSet<>();
        if (Files.isDirectory(snapshotDirectory)) {
            try (Stream<Path> entries = Files.list(snapshotDirectory)) {
                entries.filter(Files::isDirectory)
                        .filter(p -> !p.getFileName().toString().contains(".partial")
                                && !p.getFileName().toString().endsWith(".deleting"))
                        .filter(p -> Files.isRegularFile(p.resolve("snapshot.properties")))
                        .forEach(p -> ids.add(p.getFileName().toString()));
            }
        }
        return ids;
    }

    /** Folders in the snapshot directory that are not complete snapshots (a partial take, an unfinished delete). */
    private List<String> leftovers() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(snapshotDirectory)) {
            Set<String> complete = snapshots();
            try (Stream<Path> entries = Files.list(snapshotDirectory)) {
                // Files beside the snapshots (the strategy's server.log) are not snapshots.
                entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(n -> !complete.contains(n)).sorted().forEach(names::add);
            }
        }
        return names;
    }

    /** Deletes every snapshot but the sentinel (the test's clean-up between kills; Keel's retention keeps 10). */
    private void deleteRunSnapshots() throws IOException {
        for (String id : snapshots()) {
            if (!id.equals(sentinel)) {
                deleteTree(snapshotDirectory.resolve(id));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.notExists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> f : new LinkedHashMap<>(files).entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
    }

    private void record(String line) {
        log.append(line).append('\n');
        System.out.println("[crash " + target.name() + "] " + line);
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
