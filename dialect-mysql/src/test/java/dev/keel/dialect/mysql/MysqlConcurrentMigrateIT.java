package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private JdbcProbe probe;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = DatabaseProvisioning.mysql();
        probe = new JdbcProbe(database);
    }

    @AfterEach
    void tearDown() {
        started.forEach(p -> {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        });
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
        String url = KeelProcess.cliUrl(database);
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            List<String> args = new ArrayList<>(List.of("migrate", "--json", "--lock-timeout", "180s"));
            args.addAll(KeelProcess.target(url, migrations));
            Process process = KeelProcess.builder(dir, args)
                    .redirectOutput(dir.resolve("out-" + p + ".json").toFile())
                    .redirectError(dir.resolve("err-" + p + ".txt").toFile())
                    .start();
            started.add(process);
            processes.add(process);
        }
        List<String> applied = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            int p = i;
            Process process = processes.get(p);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                fail("process " + p + " hung");
            }
            KeelProcess result = new KeelProcess(process.exitValue(),
                    Files.readString(dir.resolve("out-" + p + ".json"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("err-" + p + ".txt"), StandardCharsets.UTF_8));
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
        assertEquals(0, probe.count("SELECT IS_USED_LOCK(?) IS NOT NULL", MysqlNamedLock.lockName(databaseName())),
                "the lock is free once every run has ended");
    }

    @Test
    void aRunThatCannotGetTheLockInTimeExits5AndAppliesNothing() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__first.sql"), "CREATE TABLE first_table (id INT PRIMARY KEY);\n");
        String url = KeelProcess.cliUrl(database);
        // Another session holds Keel's lock, as a long run would. (Closing a pooled session keeps the MySQL session
        // and its named locks alive, so the lock is released explicitly.)
        String lock = MysqlNamedLock.lockName(databaseName());
        try (var holder = probe.open()) {
            assertEquals(1L, holder.query("SELECT GET_LOCK(?, 0) AS got", lock).get(0).number("got").orElse(0L));
            List<String> args = new ArrayList<>(List.of("migrate", "--json", "--lock-timeout", "2s"));
            args.addAll(KeelProcess.target(url, migrations));
            long startedAt = System.nanoTime();
            KeelProcess result = KeelProcess.run(dir, args);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            assertEquals(5, result.exitCode(), result::toString);
            assertEquals("KEEL-E0501", result.problems().get(0).path("code").asText(), result::toString);
            assertTrue(waitedMs >= 2000, () -> "waited only " + waitedMs + " ms");
            assertTrue(!probe.tableExists("first_table"), "nothing was applied");
            holder.query("SELECT RELEASE_LOCK(?) AS released", lock);
        }
        List<String> again = new ArrayList<>(List.of("migrate", "--json"));
        again.addAll(KeelProcess.target(url, migrations));
        KeelProcess after = KeelProcess.run(dir, again);
        assertEquals(0, after.exitCode(), after::toString);
        assertEquals(List.of("1"), after.appliedVersions(), "once the lock is free the run applies");
    }

    private String databaseName() {
        return probe.query("SELECT DATABASE() AS db").get(0).text("db").orElseThrow();
    }
}
