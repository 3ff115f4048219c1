package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §12 with real processes: several {@code keel migrate} runs started at once against one SQLite file
 * never both apply a migration; a run that cannot get the lock in time exits 5 with KEEL-E0501.
 * Runs the packaged CLI ({@code target/keel.jar}), so it is an integration test (failsafe, after {@code package}).
 */
class ConcurrentMigrateIT {

    private static final int PROCESSES = 8;
    private static final int MIGRATIONS = 30;
    /** Every fifth migration inserts this many rows, so that the runs overlap. */
    private static final int SLOW_ROWS = 100_000;
    /** The holder's slow migration counts this far in a recursive CTE (several seconds of CPU, no disk). */
    private static final long HOLDER_COUNT = 40_000_000L;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path jarCopyDir;

    private static Path jar;

    @TempDir
    Path dir;

    private final List<Process> started = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void findJar() throws IOException {
        // failsafe runs with the module directory as working directory
        Path built = Path.of("target", "keel.jar").toAbsolutePath();
        if (!Files.isRegularFile(built)) {
            fail("The CLI jar " + built + " is missing: build it with 'mvn -B -q install -DskipTests' (or run this test"
                    + " through 'mvn -pl cli-adapter verify', which packages it before the integration tests).");
        }
        // A private copy, so a concurrent rebuild of target/ cannot swap the jar under the running processes.
        jar = Files.copy(built, jarCopyDir.resolve("keel.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void eightProcessesStartedAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Map<String, Integer> expectedRows = new TreeMap<>();
        List<String> versions = new ArrayList<>();
        for (int i = 1; i <= MIGRATIONS; i++) {
            String version = String.format("%04d", i);
            String table = String.format("t%02d", i);
            int rows = i % 5 == 0 ? SLOW_ROWS : i;
            versions.add(version);
            expectedRows.put(table, rows);
            Files.writeString(migrations.resolve(version + "_create_" + table + ".sql"),
                    "-- Description: table " + table + " with " + rows + " rows\n"
                            + "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);\n"
                            + insertRows(table, rows),
                    StandardCharsets.UTF_8);
        }
        Path db = dir.resolve("app.db");

        List<ProcessBuilder> builders = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            builders.add(keel(List.of("migrate", "--url", "jdbc:sqlite:" + db, "--migrations", migrations.toString(),
                    "--json"))
                    .redirectOutput(dir.resolve("out-" + i + ".json").toFile())
                    .redirectError(dir.resolve("err-" + i + ".txt").toFile()));
        }
        List<Process> processes = new ArrayList<>();
        for (ProcessBuilder builder : builders) {
            processes.add(start(builder));
        }
        List<Integer> exitCodes = waitForAll(processes, RUN_TIMEOUT);

        List<String> appliedVersions = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        int winners = 0;
        for (int i = 0; i < PROCESSES; i++) {
            int exit = exitCodes.get(i);
            String out = Files.readString(dir.resolve("out-" + i + ".json"), StandardCharsets.UTF_8);
            String err = Files.readString(dir.resolve("err-" + i + ".txt"), StandardCharsets.UTF_8);
            String context = "process " + i + " exited " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
            assertTrue(exit == 0 || exit == 5, "every run either succeeds or gives up on the lock; " + context);
            JsonNode document = parseSingleDocument(out, context);
            assertEquals("migrate", document.path("command").asText(), context);
            if (exit == 0) {
                assertTrue(document.path("ok").asBoolean(), context);
                JsonNode applied = document.path("applied");
                assertTrue(applied.isArray(), "a successful run lists what it applied; " + context);
                if (applied.size() > 0) {
                    winners++;
                }
                applied.forEach(step -> appliedVersions.add(step.path("version").asText()));
                summary.add("exit 0, applied " + applied.size() + " in " + document.path("elapsedMs").asLong() + " ms");
            } else {
                assertFalse(document.path("ok").asBoolean(), context);
                assertEquals(5, document.path("exitCode").asInt(), context);
                JsonNode problems = document.path("problems");
                assertTrue(problems.isArray() && problems.size() > 0, context);
                problems.forEach(p -> assertEquals("KEEL-E0501", p.path("code").asText(), context));
                summary.add("exit 5");
            }
        }
        System.out.println("ConcurrentMigrateIT: " + String.join("; ", summary));
        assertTrue(winners >= 1, "at least one run applied the migrations");
        assertEquals(versions, appliedVersions.stream().sorted().toList(),
                "the applied arrays of all runs together list each version exactly once");

        try (Connection c = sqlite(db)) {
            assertEquals(versions.stream().map(v -> v + "=success").toList(), historyRows(c),
                    "history holds exactly one success row per version and no other row");
            for (Map.Entry<String, Integer> e : expectedRows.entrySet()) {
                assertEquals(e.getValue().longValue(), count(c, "SELECT count(*) FROM " + e.getKey()),
                        "rows in " + e.getKey());
            }
        }
        assertFalse(Files.exists(dir.resolve(".keel/migration.lock")),
                "the maintenance flag is lowered when every run has ended");
    }

    @Test
    void aRunThatCannotGetTheLockWithinTheTimeoutExits5AndAppliesNothing() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_first.sql"),
                "CREATE TABLE first (id INTEGER PRIMARY KEY);\nINSERT INTO first (id) VALUES (1);\n");
        Files.writeString(migrations.resolve("0002_slow.sql"),
                "-- Description: keeps the migration lock for several seconds\n"
                        + "CREATE TABLE slow_count AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                        + HOLDER_COUNT + ") SELECT count(*) AS n FROM c;\n");
        Files.writeString(migrations.resolve("0003_last.sql"),
                "CREATE TABLE last (id INTEGER PRIMARY KEY);\nINSERT INTO last (id) VALUES (3);\n");
        Path db = dir.resolve("app.db");
        String url = "jdbc:sqlite:" + db;

        // The holder runs in text mode: its "3 pending migrations" line is printed once it holds the lock.
        Process holder = start(keel(List.of("migrate", "--url", url, "--migrations", migrations.toString()))
                .redirectErrorStream(true));
        List<String> holderLines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> holderHasLock = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    holderLines.add(line);
                    if (line.contains("pending migration")) {
                        holderHasLock.complete(null);
                    }
                }
            } catch (IOException e) {
                holderHasLock.completeExceptionally(e);
            } finally {
                holderHasLock.completeExceptionally(new IllegalStateException("holder output ended"));
            }
        }, "holder-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            holderHasLock.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            fail("the first run never reported its pending migrations: " + String.join("\n", holderLines), e);
        }

        Process jsonContender = start(keel(List.of("migrate", "--url", url, "--migrations", migrations.toString(),
                "--lock-timeout", "1s", "--json"))
                .redirectOutput(dir.resolve("contender.json").toFile())
                .redirectError(dir.resolve("contender-json.err").toFile()));
        Process textContender = start(keel(List.of("migrate", "--url", url, "--migrations", migrations.toString(),
                "--lock-timeout", "1s"))
                .redirectOutput(dir.resolve("contender.out").toFile())
                .redirectError(dir.resolve("contender.err").toFile()));
        List<Integer> contenderExits = waitForAll(List.of(jsonContender, textContender), Duration.ofMinutes(2));
        boolean holderStillRunning = holder.isAlive();

        String jsonOut = Files.readString(dir.resolve("contender.json"), StandardCharsets.UTF_8);
        String jsonErr = Files.readString(dir.resolve("contender-json.err"), StandardCharsets.UTF_8);
        String textOut = Files.readString(dir.resolve("contender.out"), StandardCharsets.UTF_8);
        String textErr = Files.readString(dir.resolve("contender.err"), StandardCharsets.UTF_8);
        String context = "json contender exited " + contenderExits.get(0) + ":\n" + jsonOut + jsonErr
                + "\ntext contender exited " + contenderExits.get(1) + ":\nstdout:\n" + textOut + "\nstderr:\n" + textErr
                + "\nholder so far:\n" + String.join("\n", holderLines);
        assertTrue(holderStillRunning, "the slow migration must still hold the lock when the contenders give up; make "
                + "HOLDER_COUNT larger if this machine is much faster. " + context);

        assertEquals(5, contenderExits.get(0), context);
        JsonNode document = parseSingleDocument(jsonOut, context);
        assertFalse(document.path("ok").asBoolean(), context);
        assertEquals(5, document.path("exitCode").asInt(), context);
        assertEquals("KEEL-E0501", document.path("problems").path(0).path("code").asText(), context);
        assertTrue(document.path("problems").path(0).path("what").asText().contains("lock"), context);
        assertTrue(document.path("problems").path(0).path("fix").asText().length() > 0, context);
        // With --json, stdout holds the one document (parsed above); stderr may carry progress lines for a person
        // watching, but never the error a second time.
        assertFalse(jsonErr.contains("KEEL-E0501") || jsonErr.contains("{"), "with --json, the error is only in the document; " + context);

        assertEquals(5, contenderExits.get(1), context);
        assertCleanLockMessage(textErr, context);
        assertFalse(textOut.contains("✓") || textOut.contains("Applied"), "the loser applied nothing; " + context);

        int holderExit = waitForAll(List.of(holder), RUN_TIMEOUT).get(0);
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String holderOutput = String.join("\n", holderLines);
        System.out.println("ConcurrentMigrateIT holder:\n" + holderOutput);
        assertEquals(0, holderExit, holderOutput);
        assertTrue(holderOutput.contains("Applied 3 migrations"), holderOutput);

        try (Connection c = sqlite(db)) {
            assertEquals(List.of("0001=success", "0002=success", "0003=success"), historyRows(c),
                    "each migration applied exactly once");
            assertEquals(1, count(c, "SELECT count(*) FROM first"));
            assertEquals(HOLDER_COUNT, count(c, "SELECT n FROM slow_count"));
            assertEquals(1, count(c, "SELECT count(*) FROM last"));
        }

        // Afterwards a run with the same short timeout finds nothing to do.
        Process after = start(keel(List.of("migrate", "--url", url, "--migrations", migrations.toString(),
                "--lock-timeout", "1s", "--json"))
                .redirectOutput(dir.resolve("after.json").toFile())
                .redirectError(dir.resolve("after.err").toFile()));
        assertEquals(0, waitForAll(List.of(after), Duration.ofMinutes(2)).get(0),
                () -> read(dir.resolve("after.json")) + read(dir.resolve("after.err")));
        assertEquals(0, parseSingleDocument(read(dir.resolve("after.json")), "after").path("applied").size());
    }

    /** The same refusal without a slow migration: this test JVM holds the OS lock on the lock file itself. */
    @Test
    void aLockHeldByAnotherProcessMakesMigrateExit5WithACleanMessage() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_first.sql"), "CREATE TABLE first (id INTEGER PRIMARY KEY);\n");
        Path db = dir.resolve("app.db");
        String url = "jdbc:sqlite:" + db;
        int exit;
        try (FileChannel channel = FileChannel.open(dir.resolve("app.db.keel-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertTrue(held.isValid());
            Process loser = start(keel(List.of("migrate", "--url", url, "--migrations", migrations.toString(),
                    "--lock-timeout", "1s"))
                    .redirectOutput(dir.resolve("loser.out").toFile())
                    .redirectError(dir.resolve("loser.err").toFile()));
            exit = waitForAll(List.of(loser), Duration.ofMinutes(2)).get(0);
        }
        String out = read(dir.resolve("loser.out"));
        String err = read(dir.resolve("loser.err"));
        String context = "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        assertEquals(5, exit, context);
        assertCleanLockMessage(err, context);
        try (Connection c = sqlite(db)) {
            assertEquals(0, count(c, "SELECT count(*) FROM sqlite_master WHERE name = 'first'"),
                    "nothing was applied; " + context);
        }

        // Once the lock is free, the same command applies the migration.
        Process winner = start(keel(List.of("migrate", "--url", url, "--migrations", migrations.toString(),
                "--lock-timeout", "1s", "--json"))
                .redirectOutput(dir.resolve("winner.json").toFile())
                .redirectError(dir.resolve("winner.err").toFile()));
        assertEquals(0, waitForAll(List.of(winner), Duration.ofMinutes(2)).get(0),
                () -> read(dir.resolve("winner.json")) + read(dir.resolve("winner.err")));
        try (Connection c = sqlite(db)) {
            assertEquals(List.of("0001=success"), historyRows(c));
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private static String insertRows(String table, int rows) {
        return "INSERT INTO " + table + " (payload) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
                + rows + ") SELECT hex(randomblob(16)) || '-' || x FROM n;\n";
    }

    private static void assertCleanLockMessage(String stderr, String context) {
        assertTrue(stderr.contains("KEEL-E0501"), "the problem code is printed; " + context);
        assertTrue(stderr.toLowerCase().contains("lock"), "the message says what happened; " + context);
        assertTrue(stderr.contains("fix:"), "the message says what to do; " + context);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "no stack trace; " + context);
    }

    private ProcessBuilder keel(List<String> arguments) {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // No keel.yaml here, and no KEEL_* settings from the machine running the tests.
        builder.environment().keySet().removeIf(name -> name.startsWith("KEEL_"));
        builder.environment().put("NO_COLOR", "1");
        return builder;
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits for every process within one overall timeout; on timeout kills them all and fails. */
    private static List<Integer> waitForAll(List<Process> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> exits = new ArrayList<>();
        for (Process p : processes) {
            long remaining = deadline - System.nanoTime();
            if (!p.waitFor(Math.max(0, remaining), TimeUnit.NANOSECONDS)) {
                processes.forEach(Process::destroyForcibly);
                fail("keel processes did not finish within " + timeout + " (pids "
                        + processes.stream().map(q -> Long.toString(q.pid())).collect(Collectors.joining(", ")) + ")");
            }
            exits.add(p.exitValue());
        }
        return exits;
    }

    private static JsonNode parseSingleDocument(String stdout, String context) {
        try {
            var parser = JSON.getFactory().createParser(stdout);
            JsonNode document = JSON.readTree(parser);
            if (document == null || !document.isObject()) {
                fail("stdout is not a JSON document; " + context);
            }
            if (parser.nextToken() != null) {
                fail("stdout holds more than one JSON document; " + context);
            }
            return document;
        } catch (IOException e) {
            return fail("stdout is not valid JSON (" + e.getMessage() + "); " + context);
        }
    }

    private static Connection sqlite(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /** {@code version=status} for every history row, ordered by version. */
    private static List<String> historyRows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, status FROM keel_schema_history")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
