package dev.keel.snapshot.filecopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQLite file strategy on real database files: take, restore, crash leftovers, layout and refusals. */
class SqliteFileStrategyTest {

    private static final Map<String, String> METADATA = Map.of(Snapshot.FINGERPRINT, "abc123", Snapshot.LABEL, "migrate");

    @TempDir
    Path dir;

    private Path db;
    private String url;
    private Path snapshots;
    private TestSnapshotContext context;
    private SnapshotStrategy strategy;

    @BeforeEach
    void database() throws SQLException {
        db = dir.resolve("app.db");
        url = "jdbc:sqlite:" + db;
        snapshots = dir.resolve("keel").resolve("snapshots");
        context = TestSnapshotContext.of(url, "sqlite", snapshots);
        strategy = new FileCopyStrategyProvider().create(context);
        SqliteDump.run(url,
                "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT)",
                "CREATE INDEX customer_email ON customer (email)",
                series(500) + "INSERT INTO customer (name, email) SELECT 'n' || value, 'e' || value || '@example.com' "
                        + "FROM n");
    }

    @Test
    void restore_brings_back_data_and_schema_changed_after_the_take() throws Exception {
        String before = SqliteDump.of(url);
        List<SnapshotPhase> phases = new ArrayList<>();
        Snapshot snapshot = strategy.take("20261122T081530Z-3f2a", METADATA, (phase, done, total) -> phases.add(phase));

        SqliteDump.run(url,
                "ALTER TABLE customer ADD COLUMN vip INTEGER DEFAULT 0",
                "UPDATE customer SET name = 'changed' WHERE id < 100",
                "DELETE FROM customer WHERE id > 400",
                "CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customer (id))",
                "INSERT INTO invoice (customer_id) VALUES (1), (2)",
                "DROP INDEX customer_email");
        assertNotEquals(before, SqliteDump.of(url));

        strategy.restore(snapshot, SnapshotProgress.none());

        assertEquals(before, SqliteDump.of(url));
        assertTrue(phases.contains(SnapshotPhase.CHECKING_SPACE) && phases.contains(SnapshotPhase.COPYING), phases::toString);
        assertEquals("20261122T081530Z-3f2a", snapshot.id());
        assertEquals("filecopy", snapshot.strategy());
        assertFalse(snapshot.consumedByRestore());
        assertEquals(METADATA, snapshot.metadata());
        assertEquals(snapshots.resolve("20261122T081530Z-3f2a").toString(), snapshot.location());
        assertEquals(Files.size(snapshots.resolve("20261122T081530Z-3f2a/database.sqlite")), snapshot.sizeBytes());
        assertTrue(context.connectionsClosed.get() >= 1, "restore closes the engine's connections first");
        // Not used up: it can be restored again after more changes, and is still listed.
        SqliteDump.run(url, "DELETE FROM customer");
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, SqliteDump.of(url));
        assertEquals(List.of(snapshot), strategy.list());
        assertFalse(Files.exists(dir.resolve("app.db.keel-restore")), "no temporary file left beside the database");
    }

    @Test
    void wal_database_is_copied_with_its_uncheckpointed_changes_and_restored_in_wal_mode() throws Exception {
        SqliteDump.run(url, "PRAGMA journal_mode=WAL");
        String before;
        Snapshot snapshot;
        try (Connection writer = DriverManager.getConnection(url); Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute(series(200) + "INSERT INTO customer (name) SELECT 'wal' || value FROM n");
            assertTrue(Files.size(dir.resolve("app.db-wal")) > 0, "changes wait in the WAL file");
            before = SqliteDump.of(url);

            snapshot = strategy.take("s1", METADATA, SnapshotProgress.none());
            s.execute("DELETE FROM customer WHERE name LIKE 'wal%'");
            s.execute("CREATE TABLE later (x)");
        }

        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, SqliteDump.of(url));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertEquals("wal", r.getString(1));
        }
    }

    @Test
    void restore_interrupted_at_any_step_and_called_again_ends_with_the_snapshot() throws Exception {
        String before = SqliteDump.of(url);
        Snapshot snapshot = strategy.take("s1", METADATA, SnapshotProgress.none());
        SqliteDump.run(url, "PRAGMA journal_mode=WAL");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("DELETE FROM customer WHERE id % 2 = 0");
        }

        // Killed after copying half of the temporary file.
        Files.write(dir.resolve("app.db.keel-restore"), new byte[] {1, 2, 3});
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, SqliteDump.of(url));

        // Killed after deleting the -wal and -shm but before the rename: the live file is an old, partial state.
        SqliteDump.run(url, "DELETE FROM customer WHERE id < 50");
        Files.copy(snapshots.resolve("s1/database.sqlite"), dir.resolve("app.db.keel-restore"));
        Files.deleteIfExists(dir.resolve("app.db-wal"));
        Files.deleteIfExists(dir.resolve("app.db-shm"));
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, SqliteDump.of(url));

        // Killed after the rename: called again, same content.
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, SqliteDump.of(url));
    }

    @Test
    void restore_keeps_the_live_files_mode() throws Exception {
        Snapshot snapshot = strategy.take("s1", METADATA, SnapshotProgress.none());
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    @Test
    void snapshot_folder_and_files_are_private() throws Exception {
        strategy.take("s1", METADATA, SnapshotProgress.none());

        assertEquals("rwx------", mode(snapshots));
        assertEquals("rwx------", mode(snapshots.resolve("s1")));
        assertEquals("rw-------", mode(snapshots.resolve("s1/database.sqlite")));
        assertEquals("rw-------", mode(snapshots.resolve("s1/snapshot.properties")));
        String properties = Files.readString(snapshots.resolve("s1/snapshot.properties"), StandardCharsets.UTF_8);
        for (String key : List.of("id=s1", "strategy=filecopy", "createdAt=", "sizeBytes=", "consumedByRestore=false",
                "metadata.schemaFingerprint=abc123", "metadata.label=migrate")) {
            assertTrue(properties.contains(key), () -> key + " in " + properties);
        }
        try (Stream<Path> entries = Files.list(snapshots)) {
            assertEquals(List.of("s1"), entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void list_shows_complete_snapshots_oldest_first_and_cleans_up_after_interrupted_discards() throws Exception {
        Snapshot first = strategy.take("20261122T081530Z-aaaa", Map.of(), SnapshotProgress.none());
        Snapshot second = strategy.take("20261122T081531Z-0000", Map.of(), SnapshotProgress.none());
        // What crashes leave: a take in progress, a half-deleted snapshot, a folder without properties.
        Files.createDirectories(snapshots.resolve("20261122T090000Z-cccc.partial"));
        Files.writeString(snapshots.resolve("20261122T090000Z-cccc.partial/database.sqlite"), "half");
        Files.createDirectories(snapshots.resolve("20261122T070000Z-dddd.deleting"));
        Files.writeString(snapshots.resolve("20261122T070000Z-dddd.deleting/database.sqlite"), "half");
        Files.createDirectories(snapshots.resolve("stray"));
        Files.writeString(snapshots.resolve("stray/database.sqlite"), "not a snapshot");

        assertEquals(List.of(first, second), strategy.list());
        assertFalse(Files.exists(snapshots.resolve("20261122T070000Z-dddd.deleting")));
        assertTrue(Files.exists(snapshots.resolve("20261122T090000Z-cccc.partial")), "partials are the journal's");

        strategy.abandonTake("20261122T090000Z-cccc", SnapshotProgress.none());
        assertFalse(Files.exists(snapshots.resolve("20261122T090000Z-cccc.partial")));
        strategy.abandonTake("20261122T090000Z-cccc", SnapshotProgress.none()); // nothing left: no error

        strategy.discard(first);
        assertEquals(List.of(second), strategy.list());
        assertFalse(Files.exists(snapshots.resolve(first.id())));
        strategy.discard(first); // already gone: no error
    }

    @Test
    void a_take_interrupted_before_its_rename_is_not_listed_and_can_be_taken_again() throws Exception {
        Files.createDirectories(snapshots.resolve("s1.partial"));
        Files.writeString(snapshots.resolve("s1.partial/database.sqlite"), "half a copy");
        assertEquals(List.of(), strategy.list());

        Snapshot snapshot = strategy.take("s1", Map.of(), SnapshotProgress.none());
        assertEquals(List.of(snapshot), strategy.list());
        assertFalse(Files.exists(snapshots.resolve("s1.partial")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "/abs", ".hidden", "..", "x.partial", "x.deleting", "", "with space",
            "semi;colon", "new\nline"})
    void ids_that_could_name_another_place_are_refused(String id) throws Exception {
        KeelException e = assertThrows(KeelException.class, () -> strategy.take(id, Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_NOT_FOUND, e.code());
        assertThrows(KeelException.class, () -> strategy.abandonTake(id, SnapshotProgress.none()));
        Snapshot forged = new Snapshot(id.isEmpty() ? "" : id, "filecopy", java.time.Instant.now(), 0, "x", false,
                Map.of());
        assertThrows(KeelException.class, () -> strategy.restore(forged, SnapshotProgress.none()));
        assertThrows(KeelException.class, () -> strategy.discard(forged));
        assertFalse(Files.exists(dir.resolve("escape")));
        assertFalse(Files.exists(snapshots), "nothing was created");
    }

    @Test
    void a_copy_that_would_not_fit_is_refused_before_anything_is_written() throws Exception {
        SqliteDump.run(url, "CREATE TABLE filler (b BLOB)",
                series(30) + "INSERT INTO filler SELECT randomblob(100000) FROM n");
        String before = SqliteDump.of(url);
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), "1m")) {
            TestSnapshotContext small = TestSnapshotContext.of(url, "sqlite", disk.path().resolve("snapshots"));
            SnapshotStrategy onSmallDisk = new FileCopyStrategyProvider().create(small);

            KeelException e = assertThrows(KeelException.class,
                    () -> onSmallDisk.take("s1", Map.of(), SnapshotProgress.none()));

            assertEquals(ErrorCode.SNAPSHOT_NO_SPACE, e.code());
            assertTrue(e.getMessage().contains("MB"), e::getMessage);
            try (Stream<Path> entries = Files.list(disk.path())) {
                assertEquals(0, entries.count(), "nothing written on the small disk");
            }
        }
        assertEquals(before, SqliteDump.of(url));
    }

    @Test
    void a_backup_that_fails_half_way_leaves_no_partial_and_the_database_unchanged() throws Exception {
        SqliteDump.run(url, "CREATE TABLE filler (b BLOB)",
                series(20) + "INSERT INTO filler SELECT randomblob(100000) FROM n");
        String before = SqliteDump.of(url);
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("tight"), "8m")) {
            Path folder = disk.path().resolve("snapshots");
            SnapshotStrategy tight = new FileCopyStrategyProvider().create(TestSnapshotContext.of(url, "sqlite", folder));

            // The disk fills up (another program) after the space check, as the copy starts.
            KeelException e = assertThrows(KeelException.class, () -> tight.take("s1", Map.of(),
                    (phase, done, total) -> {
                        if (phase == SnapshotPhase.COPYING && done == 0) {
                            DiskFiller.fill(disk.path());
                        }
                    }));

            assertEquals(ErrorCode.SNAPSHOT_TAKE_FAILED, e.code(), e::getMessage);
            assertFalse(Files.exists(folder.resolve("s1.partial")));
            assertEquals(List.of(), tight.list());
        }
        assertEquals(before, SqliteDump.of(url));
    }

    @Test
    void a_missing_database_file_is_reported_by_check_and_refused_by_take() throws IOException {
        TestSnapshotContext missing = TestSnapshotContext.of("jdbc:sqlite:" + dir.resolve("none.db"), "sqlite", snapshots);
        SnapshotStrategy none = new FileCopyStrategyProvider().create(missing);

        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, none.check().get(0).code());
        KeelException e = assertThrows(KeelException.class, () -> none.take("s1", Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        assertFalse(Files.exists(dir.resolve("none.db")), "no database was created by the check");
        assertEquals(List.of(), strategy.check());
    }

    @Test
    void restoring_an_unknown_snapshot_is_refused() {
        Snapshot unknown = new Snapshot("20200101T000000Z-0000", "filecopy", java.time.Instant.now(), 0, "x", false,
                Map.of());
        KeelException e = assertThrows(KeelException.class, () -> strategy.restore(unknown, SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_NOT_FOUND, e.code());
    }

    @Test
    void describe_names_the_file_and_the_method() {
        assertEquals("SQLite file " + db + ", copied through the online backup API", strategy.describe());
        assertEquals("filecopy", strategy.id());
    }

    /** A CTE {@code n(value)} counting from 1 to {@code count} (generate_series is not in every SQLite build). */
    private static String series(int count) {
        return "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < " + count + ") ";
    }

    private static String mode(Path path) throws IOException {
        Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(permissions);
    }
}
