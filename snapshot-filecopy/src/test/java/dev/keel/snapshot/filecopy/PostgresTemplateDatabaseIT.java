package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code filecopy} with {@code method: template} on a throwaway PostgreSQL server of its own (never the shared one):
 * take, change, restore; a restore interrupted after each step; refusals that create nothing; discard, list and
 * abandonTake. Each test works on a database of its own with a random name.
 */
class PostgresTemplateDatabaseIT {

    private static final Map<String, String> METADATA = Map.of(Snapshot.FINGERPRINT, "f00d", Snapshot.LABEL, "migrate");

    private static ThrowawayServer server;

    @TempDir
    Path snapshots;
    private String app;
    private TestSnapshotContext context;
    private SnapshotStrategy strategy;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeAll
    static void startTheServer() {
        server = ThrowawayServer.postgres();
        server.execute("postgres", "CREATE ROLE app_owner", "CREATE ROLE reader LOGIN", "CREATE ROLE migrator LOGIN CREATEDB");
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createTheDatabase() {
        app = "app_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
        server.createDatabase(app);
        server.execute(app,
                "CREATE TABLE customer (id INT PRIMARY KEY, name TEXT NOT NULL, email TEXT)",
                "CREATE INDEX customer_email ON customer (email)",
                "INSERT INTO customer SELECT g, 'n' || g, 'e' || g || '@example.com' FROM generate_series(1, 300) g",
                "CREATE VIEW customer_names AS SELECT name FROM customer",
                "CREATE SEQUENCE invoice_no START 100");
        context = context("postgres", Map.of());
        strategy = new FileCopyStrategyProvider().create(context);
    }

    @AfterEach
    void dropTheDatabases() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
        List<String> left = databases("keel_snap_%");
        left.add(app);
        for (String db : left) {
            server.execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private TestSnapshotContext context(String user, Map<String, List<String>> extra) {
        Map<String, List<String>> options = new java.util.HashMap<>(extra);
        options.put("method", List.of("template"));
        return new TestSnapshotContext("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + app + "?user=" + user,
                "postgres", snapshots, TestSnapshotContext.options(options), Duration.ofSeconds(60));
    }

    private void change() {
        server.execute(app,
                "ALTER TABLE customer ADD COLUMN vip BOOLEAN DEFAULT false",
                "UPDATE customer SET name = 'changed' WHERE id < 100",
                "DELETE FROM customer WHERE id > 250",
                "CREATE TABLE invoice (id INT PRIMARY KEY, customer_id INT REFERENCES customer (id))",
                "DROP INDEX customer_email",
                "SELECT nextval('invoice_no')");
    }

    @Test
    void take_then_restore_brings_back_schema_data_and_database_settings_without_stopping_the_server() throws Exception {
        // What belongs to the database object, not its contents: owner, privileges, settings, comment, limit.
        server.execute("postgres",
                "ALTER DATABASE " + app + " OWNER TO app_owner",
                "ALTER DATABASE " + app + " CONNECTION LIMIT 50",
                "ALTER DATABASE " + app + " SET search_path = \"$user\", 'my schema', public",
                "ALTER DATABASE " + app + " SET app.tenant = 'it''s'",
                "ALTER ROLE reader IN DATABASE " + app + " SET work_mem = '8MB'",
                "COMMENT ON DATABASE " + app + " IS 'the app''s database'",
                "REVOKE ALL ON DATABASE " + app + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + app + " TO reader");
        assertEquals(List.of(), strategy.check());
        String before = dump();
        long pid = server.pid().orElseThrow();
        List<SnapshotPhase> phases = new CopyOnWriteArrayList<>();
        List<long[]> copying = new CopyOnWriteArrayList<>();

        Snapshot snapshot = strategy.take("20261122T081530Z-3f2a", METADATA, (phase, done, total) -> {
            phases.add(phase);
            if (phase == SnapshotPhase.COPYING) {
                copying.add(new long[] {done, total});
            }
        });

        assertEquals(pid, server.pid().orElseThrow(), "the server kept running");
        assertTrue(context.connectionsClosed.get() > 0, "Keel's own connections are closed before the copy");
        assertEquals(List.of(SnapshotPhase.CHECKING_SPACE, SnapshotPhase.COPYING), phases.stream().distinct().toList());
        long[] last = copying.get(copying.size() - 1);
        assertTrue(last[0] > 0 && last[0] == last[1], () -> "copy progress ends at done == total: " + last[0]);
        assertTrue(snapshot.consumedByRestore());
        assertEquals(METADATA, snapshot.metadata());
        assertEquals(List.of(snapshot), strategy.list());
        String copy = "keel_snap_20261122t081530z_3f2a";
        assertEquals(List.of(copy), databases("keel_snap_%"));
        assertEquals("f", adminValue("SELECT datallowconn FROM pg_database WHERE datname = '" + copy + "'"),
                "nobody can connect to the snapshot and change it");
        Path folder = snapshots.resolve(snapshot.id());
        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(folder.resolve("snapshot.properties")));
        Map<String, String> properties = SnapshotFiles.readProperties(folder.resolve("snapshot.properties"));
        assertEquals(copy, properties.get("snapshotDatabase"));
        assertEquals(app, properties.get("database"));
        assertTrue(properties.get("spaceCheck").startsWith("checked: "), properties::toString);
        assertEquals(before, dump());

        change();
        server.execute("postgres",
                "ALTER DATABASE " + app + " RESET ALL",
                "ALTER DATABASE " + app + " CONNECTION LIMIT -1",
                "COMMENT ON DATABASE " + app + " IS 'changed'",
                "GRANT ALL ON DATABASE " + app + " TO PUBLIC");
        assertNotEquals(before, dump());
        Connection application = connect(app, "postgres");

        strategy.restore(snapshot, SnapshotProgress.none());

        assertEquals(pid, server.pid().orElseThrow(), "the server kept running");
        assertTrue(application.isClosed() || !application.isValid(2), "sessions on the database were ended");
        assertEquals(before, dump());
        assertEquals(List.of(), databases("keel_snap_%"), "the snapshot database became the live one");
        assertFalse(Files.exists(folder), "used up by the restore");
        assertEquals(List.of(), strategy.list());
        // Called again (the engine does after a crash): nothing left to do, and it says so by succeeding.
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, dump());
    }

    @Test
    void restore_interrupted_after_each_step_continues_when_called_again() throws Exception {
        String before = dump();
        for (int step = 1; step <= 3; step++) {
            String id = "s" + step;
            String copy = "keel_snap_" + id;
            Snapshot snapshot = strategy.take(id, METADATA, SnapshotProgress.none());
            change();
            // What a restore killed at this step leaves behind:
            SnapshotFiles.writeProperties(snapshots.resolve(id).resolve(TemplateDatabaseStrategy.RESTORE_STARTED),
                    Map.of("startedAt", "now"), SnapshotFolder.WRITTEN_BY);
            if (step >= 2) {
                server.execute("postgres", "DROP DATABASE " + app + " WITH (FORCE)");
            }
            if (step >= 3) {
                server.execute("postgres", "ALTER DATABASE " + copy + " RENAME TO " + app);
            }

            strategy.restore(snapshot, SnapshotProgress.none());

            assertEquals(before, dump(), "after an interruption at step " + step);
            assertEquals(List.of(), databases("keel_snap_%"));
            assertFalse(Files.exists(snapshots.resolve(id)));
        }
    }

    @Test
    void a_snapshot_database_dropped_outside_keel_is_not_listed_and_not_restored() throws Exception {
        Snapshot snapshot = strategy.take("s1", METADATA, SnapshotProgress.none());
        change();
        String changed = dump();
        server.execute("postgres", "DROP DATABASE keel_snap_s1");

        assertEquals(List.of(), strategy.list());
        KeelException e = assertThrows(KeelException.class, () -> strategy.restore(snapshot, SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_RESTORE_FAILED, e.code());
        assertTrue(e.getMessage().contains("keel_snap_s1") && e.getMessage().contains("was not changed"), e::getMessage);
        assertEquals(changed, dump());
    }

    @Test
    void another_session_on_the_database_is_refused_and_nothing_is_created() throws Exception {
        Connection other = connect(app, "reader");

        KeelException e = assertThrows(KeelException.class, () -> strategy.take("s1", METADATA, SnapshotProgress.none()));

        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        String message = e.getMessage();
        assertTrue(message.contains("1 other session is connected") && message.contains("nothing was created"), message);
        String fix = e.problems().get(0).fix();
        assertTrue(fix.contains("Stop the application") && fix.contains("method: directory"), fix);
        assertEquals(List.of(), databases("keel_snap_%"));
        try (Stream<Path> left = Files.list(snapshots)) {
            assertEquals(List.of(), left.toList(), "no snapshot folder, not even a partial one");
        }
        assertTrue(other.isValid(2), "the other session was left alone");

        // A session that ends within a few seconds (Keel's own pool, just closed) is waited for.
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1_000);
                other.close();
            } catch (InterruptedException | SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
        Snapshot snapshot = strategy.take("s2", METADATA, SnapshotProgress.none());
        closing.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(snapshot), strategy.list());
    }

    @Test
    void discard_list_and_abandon_take() throws Exception {
        Snapshot first = strategy.take("s1", METADATA, SnapshotProgress.none());
        Snapshot second = strategy.take("s2", Map.of(), SnapshotProgress.none());
        assertEquals(List.of(first, second), strategy.list());

        strategy.discard(first);
        assertEquals(List.of(second), strategy.list());
        assertEquals(List.of("keel_snap_s2"), databases("keel_snap_%"));
        assertFalse(Files.exists(snapshots.resolve("s1")));
        strategy.discard(first);

        // A take killed after CREATE DATABASE: the partial folder and the database, no snapshot.properties.
        Files.createDirectory(snapshots.resolve("s3.partial"));
        server.execute("postgres", "CREATE DATABASE keel_snap_s3 TEMPLATE " + app);
        assertEquals(List.of(second), strategy.list());
        strategy.abandonTake("s3", SnapshotProgress.none());
        assertEquals(List.of("keel_snap_s2"), databases("keel_snap_%"));
        assertFalse(Files.exists(snapshots.resolve("s3.partial")));
        strategy.abandonTake("s3", SnapshotProgress.none());

        // Without its partial folder, a database of that name is not abandonTake's to drop.
        server.execute("postgres", "CREATE DATABASE keel_snap_s4 TEMPLATE " + app);
        strategy.abandonTake("s4", SnapshotProgress.none());
        assertTrue(databases("keel_snap_%").contains("keel_snap_s4"));
        // ... and a take under that name refuses rather than touch it.
        KeelException e = assertThrows(KeelException.class, () -> strategy.take("s4", METADATA, SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("keel_snap_s4 already exists"), e::getMessage);
        assertTrue(databases("keel_snap_%").contains("keel_snap_s4"));

        strategy.discard(second);
        assertEquals(List.of(), strategy.list());
        assertEquals(List.of("keel_snap_s4"), databases("keel_snap_%"));
    }

    @Test
    void abandon_take_ends_a_create_database_still_running_for_a_killed_keel() throws Exception {
        // The CREATE waits while another session is on the template, as it would while copying a large database.
        Connection other = connect(app, "reader");
        Files.createDirectory(snapshots.resolve("s5.partial"));
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", MaintenanceSession.APPLICATION);
        Connection orphan = DriverManager.getConnection(server.jdbcUrl("postgres"), properties);
        opened.add(orphan);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try (Statement s = orphan.createStatement()) {
                s.execute("CREATE DATABASE \"keel_snap_s5\" TEMPLATE " + app + " ALLOW_CONNECTIONS false");
            } catch (SQLException expected) {
                throw new IllegalStateException(expected);
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (adminValue("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE DATABASE \"keel_snap_s5\"%'")
                .equals("0")) {
            assertTrue(System.nanoTime() < deadline, "the CREATE DATABASE did not start");
            Thread.sleep(20);
        }

        strategy.abandonTake("s5", SnapshotProgress.none());
        other.close();

        assertThrows(Exception.class, () -> running.get(10, TimeUnit.SECONDS), "the orphaned statement was ended");
        Thread.sleep(500);
        assertEquals(List.of(), databases("keel_snap_%"));
        assertFalse(Files.exists(snapshots.resolve("s5.partial")));
    }

    @Test
    void a_role_owning_the_database_with_createdb_can_take_and_restore() throws Exception {
        server.execute("postgres", "ALTER DATABASE " + app + " OWNER TO migrator");
        SnapshotStrategy owner = new FileCopyStrategyProvider().create(context("migrator", Map.of()));
        assertEquals(List.of(), owner.check());
        String before = dump();

        Snapshot snapshot = owner.take("s1", METADATA, SnapshotProgress.none());
        assertTrue(owner.list().get(0).sizeBytes() > 0);
        change();
        owner.restore(snapshot, SnapshotProgress.none());

        assertEquals(before, dump());
        assertEquals("migrator", adminValue("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + app + "'"));
        assertEquals(List.of(), owner.list());
        // The space check needs the data directory, which only superusers may see: skipped, and said so.
        Snapshot again = owner.take("s2", Map.of(), SnapshotProgress.none());
        String note = SnapshotFiles.readProperties(snapshots.resolve("s2/snapshot.properties")).get("spaceCheck");
        assertTrue(note.startsWith("skipped: the data directory is not visible"), note);
        owner.discard(again);
    }

    @Test
    void a_role_without_createdb_is_refused_before_anything_is_created() throws Exception {
        SnapshotStrategy reader = new FileCopyStrategyProvider().create(context("reader", Map.of()));
        List<Problem> problems = reader.check();
        assertTrue(problems.stream().anyMatch(p -> p.what().contains("may not create databases (no CREATEDB)")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.what().contains("does not own database " + app)),
                problems::toString);

        KeelException e = assertThrows(KeelException.class, () -> reader.take("s1", METADATA, SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        assertEquals(List.of(), databases("keel_snap_%"));
        try (Stream<Path> left = Files.list(snapshots)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void a_copy_that_would_not_fit_on_the_tablespace_disk_is_refused_before_anything_is_created() throws Exception {
        Path mount = server.dataDirectory().resolveSibling("small-tablespace");
        try (SmallDisk disk = SmallDisk.mount(mount, "24m")) {
            Files.setOwner(disk.path(), Files.getOwner(server.dataDirectory()));
            server.execute("postgres", "CREATE TABLESPACE small LOCATION '" + disk.path() + "'",
                    "ALTER DATABASE " + app + " SET TABLESPACE small");
            try {
                // About 15 MB with the catalogs, on a 24 MB disk: a copy needs about 17 MB, 9 MB are left.
                server.execute(app, "CREATE TABLE filler AS SELECT g AS id, repeat('x', 200) AS pad "
                        + "FROM generate_series(1, 30000) g");
                KeelException e = assertThrows(KeelException.class,
                        () -> strategy.take("s1", METADATA, SnapshotProgress.none()));
                assertEquals(ErrorCode.SNAPSHOT_NO_SPACE, e.code(), e::getMessage);
                assertTrue(e.getMessage().contains(disk.path().toString()) && e.getMessage().contains("nothing was created"),
                        e::getMessage);
                assertEquals(List.of(), databases("keel_snap_%"));
            } finally {
                server.execute("postgres", "DROP DATABASE " + app + " WITH (FORCE)", "DROP TABLESPACE small");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Connection connect(String database, String user) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database
                + "?user=" + user);
        opened.add(c);
        return c;
    }

    private List<String> databases(String like) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres")); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                        + like.replace("_", "\\_") + "' ORDER BY 1")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static String adminValue(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres")); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Schema, contents and the database's own attributes, as text. */
    private String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres")); Statement s = c.createStatement()) {
            appendRows(out, s, "SELECT pg_get_userbyid(datdba), datconnlimit, datallowconn, datacl::text, "
                    + "shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '" + app + "'");
            appendRows(out, s, "SELECT coalesce(pg_get_userbyid(nullif(setrole, 0)), '*'), setconfig::text "
                    + "FROM pg_db_role_setting JOIN pg_database d ON d.oid = setdatabase WHERE d.datname = '" + app
                    + "' ORDER BY 1");
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(app)); Statement s = c.createStatement()) {
            appendRows(out, s, "SELECT table_name, column_name, data_type, is_nullable, column_default "
                    + "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2");
            appendRows(out, s, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
            appendRows(out, s, "SELECT table_name, view_definition FROM information_schema.views "
                    + "WHERE table_schema = 'public' ORDER BY 1");
            appendRows(out, s, "SELECT last_value, is_called FROM invoice_no");
            appendRows(out, s, "SELECT * FROM customer ORDER BY id");
            appendRows(out, s, "SELECT current_setting('search_path'), current_setting('app.tenant', true)");
        }
        return out.toString();
    }

    private static void appendRows(StringBuilder out, Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(i == 1 ? "" : " | ").append(r.getString(i));
                }
                out.append('\n');
            }
        }
        out.append("--\n");
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
