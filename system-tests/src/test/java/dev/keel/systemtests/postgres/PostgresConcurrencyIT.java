package dev.keel.systemtests.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration lock between real {@code keel migrate} processes (SPEC §12): a run waiting for the lock never
 * deadlocks against a {@code CREATE INDEX CONCURRENTLY} of the run holding it, eight runs at once apply each
 * migration exactly once, a run that cannot get the lock exits 5, and a killed run's lock goes with its connection.
 */
class PostgresConcurrencyIT {

    @TempDir
    Path work;

    private TestDatabase database;
    private DatabaseProbe probe;

    @BeforeEach
    void provision() {
        database = DatabaseProvisioning.postgres();
        probe = DatabaseProbe.postgres(database);
    }

    @AfterEach
    void drop() {
        KeelProcess.killLeftovers();
        if (probe != null) {
            probe.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * The holder's index build waits for every transaction whose snapshot is older than its own, so a waiter must
     * not sit in a statement from before the build started. The first run is held inside its first migration (by a
     * table lock the test holds) until the second run is certainly polling for the lock; then it goes on to the
     * index build, which must finish.
     */
    @Test
    void aWaitingRunDoesNotDeadlockAConcurrentIndexBuild() throws Exception {
        Path migrations = indexBuildMigrations();
        try (Connection gate = connect()) {
            KeelProcess holder = startHeldAtGate(gate, migrations);
            KeelProcess waiter = migrate(migrations, "120s");
            awaitTrue("the second run waits for the lock", 60, () -> !probe.query("SELECT pid FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND application_name = 'keel' AND pid <> pg_backend_pid()"
                    + " AND (query LIKE '%pg_try_advisory_lock%' OR wait_event = 'advisory')").isEmpty()
                    || !waiter.isAlive());
            assertTrue(waiter.isAlive(), () -> "the second run ended while the first held the lock:\n" + waiter.output());
            gate.commit(); // the first run goes on to its index build while the second one waits

            KeelRun held = holder.finish(120);
            assertEquals(0, held.exitCode(), held::toString);
            KeelRun waited = waiter.finish(120);
            assertEquals(0, waited.exitCode(), waited::toString);
        }
        assertEquals(List.of("1 success 1", "2 success 1"), successesPerVersion());
        assertEquals("true", probe.query("SELECT indisvalid::text AS v FROM pg_index WHERE indexrelid = 'big_h_ix'::regclass")
                .get(0).text("v").orElseThrow());
    }

    /**
     * The control for the test above: under the same conditions, a waiter blocked inside {@code pg_advisory_lock}
     * holds a snapshot the holder's index build waits for, and PostgreSQL reports a deadlock. This is why Keel polls.
     */
    @Test
    void aWaiterBlockedInsideAStatementWouldDeadlock() throws Exception {
        Path migrations = indexBuildMigrations();
        try (Connection gate = connect(); Connection blocked = connect()) {
            KeelProcess holder = startHeldAtGate(gate, migrations);
            long key = heldAdvisoryLockKey();
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
                try (Statement s = blocked.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + key + ")");
                    s.execute("SELECT pg_advisory_unlock(" + key + ")");
                    return "acquired";
                } catch (SQLException e) {
                    return e.getSQLState() + " " + e.getMessage();
                }
            });
            awaitTrue("the blocked session waits", 30, () -> !probe.query("SELECT 1 FROM pg_stat_activity WHERE"
                    + " wait_event = 'advisory' AND datname = current_database() AND pid <> pg_backend_pid()").isEmpty());
            gate.commit();
            KeelRun held = holder.finish(120);
            String blockedOutcome = waiting.get();
            assertTrue(blockedOutcome.startsWith("40P01") || held.output().contains("deadlock detected"),
                    () -> "expected a deadlock; holder " + held + "\nblocked: " + blockedOutcome);
        }
    }

    @Test
    void eightRunsAtOnceApplyEachMigrationExactlyOnce() throws IOException {
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations);
        for (int v = 1; v <= 12; v++) {
            String sql = v == 7
                    ? "-- keel:transaction none\nCREATE INDEX CONCURRENTLY t6_ix ON t6 (id);\n"
                    : "CREATE TABLE t" + v + " (id int PRIMARY KEY);\nINSERT INTO t" + v + " VALUES (" + v + ");\n"
                            + (v % 3 == 0 ? "SELECT pg_sleep(0.3);\n" : "");
            Files.writeString(migrations.resolve(String.format("V%d__step_%d.sql", v, v)), sql, StandardCharsets.UTF_8);
        }
        List<KeelProcess> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(migrate(migrations, "180s"));
        }
        for (KeelProcess run : runs) {
            KeelRun done = run.finish(240);
            assertEquals(0, done.exitCode(), done::toString);
        }
        List<String> expected = new ArrayList<>();
        for (int v = 1; v <= 12; v++) {
            expected.add(v + " success 1");
        }
        assertEquals(expected, successesPerVersion());
        assertEquals(12L, probe.query("SELECT count(*) AS n FROM keel_schema_history").get(0).number("n").orElseThrow(),
                "only success rows");
    }

    @Test
    void aRunThatCannotGetTheLockExitsFive() throws IOException {
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n", StandardCharsets.UTF_8);
        try (DatabaseSession holder = probe.open()) {
            DatabaseLock.Held held = probe.dialect().lock(holder).acquire(Duration.ZERO);
            try {
                KeelRun run = migrate(migrations, "2s").finish(60);
                assertEquals(5, run.exitCode(), run::toString);
                assertTrue(run.output().contains("KEEL-E0501"), run::toString);
                assertTrue(run.output().contains("lockTimeout") || run.output().contains("lock-timeout"), run::toString);
            } finally {
                held.close();
            }
        }
        assertEquals(0L, probe.query("SELECT count(*) AS n FROM pg_class WHERE relname = 't'").get(0).number("n").orElseThrow());
    }

    /** A killed run's lock and transaction end with its connection; the next run applies the migration once. */
    @Test
    void aKilledRunLeavesNeitherLockNorHalfAMigration() throws Exception {
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__slow.sql"),
                "CREATE TABLE slow (id int);\nINSERT INTO slow VALUES (1);\nSELECT pg_sleep(4);\nINSERT INTO slow VALUES (2);\n",
                StandardCharsets.UTF_8);
        KeelProcess first = migrate(migrations, "10s");
        awaitTrue("the first run sleeps inside its migration", 60, () -> !probe.query("SELECT 1 FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'SELECT pg_sleep%'").isEmpty() || !first.isAlive());
        first.kill();
        first.finish(30);
        KeelRun second = migrate(migrations, "60s").finish(120);
        assertEquals(0, second.exitCode(), second::toString);
        assertEquals(List.of("1 success 1"), successesPerVersion());
        assertEquals(2L, probe.query("SELECT count(*) AS n FROM slow").get(0).number("n").orElseThrow());
    }

    // ------------------------------------------------------------------ support

    /**
     * V1 fills a table, then reads {@code gate} (which the test locks to hold the run there); V2 builds an index
     * concurrently, outside a transaction.
     */
    private Path indexBuildMigrations() throws IOException {
        probe.execute("CREATE TABLE gate (x int)");
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__big.sql"), "CREATE TABLE big (id int PRIMARY KEY, h text);\n"
                + "INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, 200000) g;\n"
                + "SELECT count(*) FROM gate;\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("V2__big_h.sql"),
                "-- keel:transaction none\nCREATE INDEX CONCURRENTLY big_h_ix ON big (h);\n", StandardCharsets.UTF_8);
        return migrations;
    }

    /** Locks {@code gate} in a transaction on {@code gate}, starts a run and waits until it is stuck there. */
    private KeelProcess startHeldAtGate(Connection gate, Path migrations) throws SQLException {
        gate.setAutoCommit(false);
        try (Statement s = gate.createStatement()) {
            s.execute("LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");
        }
        KeelProcess holder = migrate(migrations, "60s");
        awaitTrue("the first run waits at the gate", 120, () -> !probe.query("SELECT 1 FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'SELECT count(*) FROM gate%'"
                + " AND wait_event_type = 'Lock'").isEmpty() || !holder.isAlive());
        assertTrue(holder.isAlive(), () -> "the first run ended early:\n" + holder.output());
        return holder;
    }

    private KeelProcess migrate(Path migrations, String lockTimeout) {
        List<String> args = new ArrayList<>(List.of("migrate", "--no-color", "--lock-timeout", lockTimeout));
        args.addAll(KeelProcess.target(database, migrations));
        return KeelProcess.start(work, args);
    }

    /**
     * The key of the advisory lock a keel run holds on this database, read from {@code pg_locks} (a bigint key is
     * split into {@code classid}, its high half, and {@code objid}, its low half).
     */
    private long heldAdvisoryLockKey() {
        List<Row> held = probe.query("SELECT (l.classid::bigint << 32) | l.objid::bigint AS k FROM pg_locks l"
                + " JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted"
                + " AND l.objsubid = 1 AND d.datname = current_database()");
        assertEquals(1, held.size(), () -> "one advisory lock held on the database: " + held);
        return held.get(0).number("k").orElseThrow();
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        database.user().ifPresent(u -> p.setProperty("user", u));
        database.password().ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(database.url(), p);
    }

    private List<String> successesPerVersion() {
        return probe.query("SELECT version || ' ' || status || ' ' || count(*) AS r FROM keel_schema_history"
                + " GROUP BY version, status ORDER BY version::int, status").stream()
                .map((Row r) -> r.text("r").orElseThrow()).toList();
    }

    private static void awaitTrue(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
        fail("timed out after " + seconds + " s waiting until " + what);
    }
}
