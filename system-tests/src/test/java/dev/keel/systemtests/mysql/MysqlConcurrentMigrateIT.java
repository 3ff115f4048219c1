package dev.keel.systemtests.mysql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §12 on a real MariaDB: eight {@code keel migrate} processes started at once against one database apply each
 * migration exactly once, serialised by {@code GET_LOCK}; and a run that cannot get the lock in time exits 5.
 */
class MysqlConcurrentMigrateIT {

    private static final int PROCESSES = 8;
    private static final int MIGRATIONS = 20;

    @TempDir
    Path dir;

    private TestDatabase database;
    private DatabaseProbe probe;

    @BeforeEach
    void setUp() {
        database = DatabaseProvisioning.mysql();
        probe = DatabaseProbe.mysql(database);
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        probe.close();
        database.close();
    }

    @Test
    void eightProcessesStartedAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        List<String> versions = new ArrayList<>();
        for (int i = 1; i <= MIGRATIONS; i++) {
            String version = String.format("%03d", i);
            versions.add(version);
            // No primary key on purpose: a second application of the INSERT would leave two rows.
            String sleep = i % 5 == 0 ? "DO SLEEP(0.5);\n" : "";
            Files.writeString(migrations.resolve(version + "_table_" + i + ".sql"),
                    "CREATE TABLE t" + i + " (n INT NOT NULL, note VARCHAR(40));\n" + sleep
                            + "INSERT INTO t" + i + " (n, note) VALUES (" + i + ", 'applied once; I hope');\n",
                    StandardCharsets.UTF_8);
        }
        List<KeelProcess> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            List<String> args = new ArrayList<>(List.of("migrate", "--json", "--lock-timeout", "180s"));
            args.addAll(KeelProcess.target(database, migrations));
            processes.add(KeelProcess.start(dir, args));
        }
        List<String> applied = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            int p = i;
            KeelRun result = processes.get(p).finish(KeelProcess.TIMEOUT.toSeconds());
            assertEquals(0, result.exitCode(), () -> "process " + p + ": " + result);
            JsonNode document = result.json();
            assertTrue(document.path("ok").asBoolean(), result::toString);
            List<String> mine = result.appliedVersions();
            applied.addAll(mine);
            summary.add(mine.size() + " applied in " + document.path("elapsedMs").asLong() + " ms");
        }
        System.out.println("MysqlConcurrentMigrateIT: " + String.join("; ", summary));
        assertEquals(versions, applied.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                .toList(), "the runs together applied each version exactly once");
        List<String> history = probe.history();
        assertEquals(versions.stream().map(v -> v + "=success " + (Integer.parseInt(v) % 5 == 0 ? "3/3" : "2/2")).toList(),
                history, "one success row per version, no other row");
        for (int i = 1; i <= MIGRATIONS; i++) {
            assertEquals(1, probe.count("SELECT COUNT(*) FROM t" + i), "rows in t" + i);
        }
        try (DatabaseSession session = probe.open()) {
            assertDoesNotThrow(() -> probe.dialect().lock(session).acquire(Duration.ZERO).close(),
                    "the lock is free once every run has ended");
        }
    }

    @Test
    void aRunThatCannotGetTheLockInTimeExits5AndAppliesNothing() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__first.sql"), "CREATE TABLE first_table (id INT PRIMARY KEY);\n");
        // Another session holds Keel's lock, as a long run would. (Closing a pooled session keeps the MySQL session
        // and its named locks alive, so the lock is released explicitly.)
        try (DatabaseSession holder = probe.open()) {
            DatabaseLock.Held held = probe.dialect().lock(holder).acquire(Duration.ZERO);
            List<String> args = new ArrayList<>(List.of("migrate", "--json", "--lock-timeout", "2s"));
            args.addAll(KeelProcess.target(database, migrations));
            long startedAt = System.nanoTime();
            KeelRun result = KeelProcess.run(dir, args);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            assertEquals(5, result.exitCode(), result::toString);
            assertEquals("KEEL-E0501", result.problems().get(0).path("code").asText(), result::toString);
            assertTrue(waitedMs >= 2000, () -> "waited only " + waitedMs + " ms");
            assertTrue(!probe.tableExists("first_table"), "nothing was applied");
            held.close();
        }
        List<String> again = new ArrayList<>(List.of("migrate", "--json"));
        again.addAll(KeelProcess.target(database, migrations));
        KeelRun after = KeelProcess.run(dir, again);
        assertEquals(0, after.exitCode(), after::toString);
        assertEquals(List.of("1"), after.appliedVersions(), "once the lock is free the run applies");
    }
}
