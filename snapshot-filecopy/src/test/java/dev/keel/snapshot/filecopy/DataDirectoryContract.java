package dev.keel.snapshot.filecopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotOptions;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-directory strategy against a throwaway server of its own (never the shared ones): take, change, restore;
 * a restore interrupted after each step; a take killed mid-copy; refusals that leave the server untouched.
 * Subclassed once per server family.
 */
abstract class DataDirectoryContract {

    private static final Map<String, String> METADATA = Map.of(Snapshot.FINGERPRINT, "f00d", Snapshot.LABEL, "migrate");

    protected ThrowawayServer server;
    private Path snapshots;
    private TestSnapshotContext context;
    private SnapshotStrategy strategy;

    /** A new server of this family, running. */
    protected abstract ThrowawayServer startServer();

    /** Keel's dialect id: {@code postgres} or {@code mysql}. */
    protected abstract String dialectId();

    /** The product name Keel shows: {@code PostgreSQL}, {@code MariaDB}. */
    protected abstract String product();

    /** Statements making the schema and data of database {@code app}. */
    protected abstract List<String> setUp();

    /** Statements changing both the schema and the data afterwards. */
    protected abstract List<String> change();

    /** Queries whose results together are the schema (tables, columns, indexes) of database {@code app}. */
    protected abstract List<String> schemaQueries();

    @BeforeEach
    void startTheServer() {
        server = startServer();
        server.createDatabase("app");
        server.execute("app", setUp().toArray(String[]::new));
        snapshots = server.dataDirectory().resolveSibling("keel-snapshots");
        context = context(snapshots, SnapshotOptions.empty());
        strategy = new FileCopyStrategyProvider().create(context);
    }

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    private TestSnapshotContext context(Path folder, SnapshotOptions options) {
        return new TestSnapshotContext(server.jdbcUrl("app"), dialectId(), folder, options, Duration.ofSeconds(60));
    }

    @Test
    void take_then_restore_brings_back_schema_and_data_and_the_server_answers_each_time() throws Exception {
        assertEquals(List.of(), strategy.check());
        assertEquals(product() + " data directory " + server.dataDirectory().toRealPath()
                + " (server stopped while copying)", strategy.describe());
        String before = dump();
        long firstPid = server.pid().orElseThrow();
        List<SnapshotPhase> phases = new CopyOnWriteArrayList<>();
        List<long[]> copying = new CopyOnWriteArrayList<>();

        Snapshot snapshot = strategy.take("20261122T081530Z-3f2a", METADATA, (phase, done, total) -> {
            phases.add(phase);
            if (phase == SnapshotPhase.COPYING) {
                copying.add(new long[] {done, total});
            }
        });

        assertTrue(server.isRunning(), "the server answers after the take");
        long secondPid = server.pid().orElseThrow();
        assertNotEquals(firstPid, secondPid, "the server was stopped and started again");
        assertEquals(List.of(SnapshotPhase.CHECKING_SPACE, SnapshotPhase.STOPPING, SnapshotPhase.COPYING,
                SnapshotPhase.STARTING, SnapshotPhase.WAITING), phases.stream().distinct().toList());
        long[] last = copying.get(copying.size() - 1);
        assertTrue(last[0] > 0 && last[0] == last[1], () -> "copy progress ends at done == total: " + last[0] + "/"
                + last[1]);
        assertTrue(snapshot.consumedByRestore(), "snapshot folder beside the data directory: restore is a rename");
        assertEquals(METADATA, snapshot.metadata());
        assertEquals(List.of(snapshot), strategy.list());
        Path folder = snapshots.resolve(snapshot.id());
        assertEquals("rwx------", mode(snapshots));
        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(folder.resolve("snapshot.properties")));
        assertEquals("rw-------", mode(folder.resolve("server.properties")));
        // The server's own files keep their owner and mode, or it would refuse to start from them.
        assertEquals(Files.getOwner(server.dataDirectory()), Files.getOwner(folder.resolve("data")));
        assertEquals(mode(server.dataDirectory()), mode(folder.resolve("data")));
        assertEquals(before, dump());

        server.execute("app", change().toArray(String[]::new));
        assertNotEquals(before, dump());

        strategy.restore(snapshot, SnapshotProgress.none());

        assertTrue(server.isRunning());
        assertNotEquals(secondPid, server.pid().orElseThrow(), "restarted by the restore");
        assertEquals(before, dump());
        assertFalse(Files.exists(folder), "the snapshot was moved into place: used up");
        assertFalse(Files.exists(sibling(".keel-replaced-" + snapshot.id())), "the replaced directory is deleted");
        assertEquals(List.of(), strategy.list());
        // Called again (the engine does after a crash): nothing left to do, and it says so by succeeding.
        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals(before, dump());
    }

    @Test
    void restore_interrupted_after_each_step_continues_when_called_again() throws Exception {
        String before = dump();
        Snapshot first = strategy.take("s1", METADATA, SnapshotProgress.none());
        server.execute("app", change().toArray(String[]::new));
        Path dir = server.dataDirectory();

        // Killed after stopping the server and moving the live directory aside.
        stopServerByHand();
        Files.move(dir, sibling(".keel-replaced-s1"));
        strategy.restore(first, SnapshotProgress.none());
        assertEquals(before, dump());
        assertFalse(Files.exists(sibling(".keel-replaced-s1")));

        // Killed after the swap, before the server was started.
        Snapshot second = strategy.take("s2", METADATA, SnapshotProgress.none());
        server.execute("app", change().toArray(String[]::new));
        stopServerByHand();
        Files.move(dir, sibling(".keel-replaced-s2"));
        Files.move(snapshots.resolve("s2/data"), dir);
        strategy.restore(second, SnapshotProgress.none());
        assertTrue(server.isRunning());
        assertEquals(before, dump());
        assertFalse(Files.exists(sibling(".keel-replaced-s2")));
        assertFalse(Files.exists(snapshots.resolve("s2")));
    }

    @Test
    void restore_copies_when_the_snapshot_folder_is_on_another_file_system_and_keeps_the_snapshot() throws Exception {
        try (SmallDisk other = SmallDisk.mount(server.dataDirectory().resolveSibling("other-disk"), "400m")) {
            SnapshotStrategy elsewhere = new FileCopyStrategyProvider().create(
                    context(other.path().resolve("snapshots"), SnapshotOptions.empty()));
            String before = dump();
            Snapshot snapshot = elsewhere.take("s1", METADATA, SnapshotProgress.none());
            assertFalse(snapshot.consumedByRestore());

            server.execute("app", change().toArray(String[]::new));
            elsewhere.restore(snapshot, SnapshotProgress.none());
            assertEquals(before, dump());
            assertEquals(List.of(snapshot), elsewhere.list(), "kept for another restore");

            server.execute("app", change().toArray(String[]::new));
            elsewhere.restore(snapshot, SnapshotProgress.none());
            assertEquals(before, dump());
            elsewhere.discard(snapshot);
            assertEquals(List.of(), elsewhere.list());
            try (Stream<Path> left = Files.list(server.dataDirectory().getParent())) {
                assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".keel-"))
                        .toList(), "no restoring or replaced directory left");
            }
        }
    }

    @Test
    void abandon_take_after_a_take_killed_mid_copy_starts_the_server_and_deletes_the_partial() throws Exception {
        String before = dump();
        long pid = server.pid().orElseThrow();
        // What a take leaves when Keel is killed while copying: server.properties written before the stop, the
        // server stopped, half a copy.
        ServerControl control = new ServerControl(context, family(), FileCopyOptions.from(SnapshotOptions.empty()),
                snapshots.resolve("server.log"));
        Path pidFile = control.pidFile(server.dataDirectory().toRealPath());
        ServerState state = new ServerState(family(), server.dataDirectory().toRealPath(), pidFile, pid,
                StartCommand.ofRunningProcess(pid).orElseThrow());
        Path partial = snapshots.resolve("s1.partial");
        Files.createDirectories(partial.resolve("data/base"));
        Files.writeString(partial.resolve("data/base/half"), "half a file");
        state.save(partial);
        stopServerByHand();
        assertFalse(server.isRunning());

        strategy.abandonTake("s1", SnapshotProgress.none());

        assertTrue(server.isRunning(), "started again with the command kept in the partial folder");
        assertFalse(Files.exists(partial));
        assertEquals(before, dump());
        assertEquals(List.of(), strategy.list());
        // Nothing more to undo: a second call changes nothing.
        long running = server.pid().orElseThrow();
        strategy.abandonTake("s1", SnapshotProgress.none());
        assertEquals(running, server.pid().orElseThrow());
    }

    @Test
    void configured_stop_and_start_commands_are_used() throws Exception {
        SnapshotOptions options = TestSnapshotContext.options(Map.of(
                "stopCommand", stopCommand(),
                "startCommand", startCommand(),
                "dataDirectory", List.of(server.dataDirectory().toString()),
                "copyThreads", List.of("2")));
        SnapshotStrategy configured = new FileCopyStrategyProvider().create(context(snapshots, options));
        String before = dump();

        Snapshot snapshot = configured.take("s1", Map.of(), SnapshotProgress.none());
        assertTrue(server.isRunning());
        server.execute("app", change().toArray(String[]::new));
        configured.restore(snapshot, SnapshotProgress.none());

        assertTrue(server.isRunning());
        assertEquals(before, dump());
        assertTrue(configured.describe().contains(server.dataDirectory().toRealPath().toString()),
                configured::describe);
    }

    @Test
    void a_take_failing_after_the_stop_starts_the_server_again_and_leaves_no_partial() throws Exception {
        String before = dump();
        long pid = server.pid().orElseThrow();
        try (SmallDisk disk = SmallDisk.mount(server.dataDirectory().resolveSibling("tight-disk"), "200m")) {
            Path folder = disk.path().resolve("snapshots");
            SnapshotStrategy tight = new FileCopyStrategyProvider().create(context(folder, SnapshotOptions.empty()));

            // The disk fills up (another program) once the server is being stopped: the copy fails half-way.
            KeelException e = assertThrows(KeelException.class, () -> tight.take("s1", METADATA,
                    (phase, done, total) -> {
                        if (phase == SnapshotPhase.STOPPING) {
                            DiskFiller.fill(disk.path());
                        }
                    }));

            assertEquals(ErrorCode.SNAPSHOT_TAKE_FAILED, e.code(), e::getMessage);
            assertEquals(ExitClass.FAILED_RESTORED, e.exitClass(), "the server runs as before");
            assertTrue(server.isRunning());
            assertNotEquals(pid, server.pid().orElseThrow(), "it was stopped, and started again");
            assertFalse(Files.exists(folder.resolve("s1.partial")));
            assertEquals(List.of(), tight.list());
            assertEquals(before, dump());
        }
    }

    @Test
    void refusals_leave_the_server_running_untouched() throws Exception {
        long pid = server.pid().orElseThrow();
        try (SmallDisk small = SmallDisk.mount(server.dataDirectory().resolveSibling("small-disk"), "1m")) {
            TestSnapshotContext onSmallDisk = context(small.path().resolve("snapshots"), SnapshotOptions.empty());
            SnapshotStrategy tight = new FileCopyStrategyProvider().create(onSmallDisk);

            KeelException e = assertThrows(KeelException.class,
                    () -> tight.take("s1", METADATA, SnapshotProgress.none()));

            assertEquals(ErrorCode.SNAPSHOT_NO_SPACE, e.code());
            assertTrue(e.getMessage().contains("nothing was stopped"), e::getMessage);
            assertEquals(0, onSmallDisk.connectionsClosed.get(), "the engine's connections were left alone");
            try (Stream<Path> entries = Files.list(small.path())) {
                assertEquals(0, entries.count(), "nothing written");
            }
        }

        SnapshotStrategy wrong = new FileCopyStrategyProvider().create(context(snapshots, TestSnapshotContext.options(
                Map.of("dataDirectory", List.of("/nonexistent/keel/data")))));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, wrong.check().get(0).code());
        KeelException e = assertThrows(KeelException.class, () -> wrong.take("s1", Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        assertTrue(e.problems().get(0).fix().contains("snapshot.options.dataDirectory"), e::getMessage);

        // A stop command that fails: the take fails at once, and the server was never down.
        SnapshotStrategy refusing = new FileCopyStrategyProvider().create(context(snapshots, TestSnapshotContext.options(
                Map.of("stopCommand", List.of("false")))));
        KeelException refused = assertThrows(KeelException.class,
                () -> refusing.take("s1", Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_TAKE_FAILED, refused.code());
        assertEquals(ExitClass.FAILED_RESTORED, refused.exitClass());
        assertTrue(refused.getMessage().contains("was not stopped"), refused::getMessage);

        assertEquals(pid, server.pid().orElseThrow(), "never stopped");
        assertTrue(server.isRunning());
        assertFalse(Files.exists(snapshots.resolve("s1.partial")));
        assertEquals(List.of(), strategy.list());
    }

    /** The family of this server. */
    protected ServerFamily family() {
        return "postgres".equals(dialectId()) ? ServerFamily.POSTGRES : ServerFamily.MYSQL;
    }

    /** A {@code stopCommand} for this server, as a user would configure it. */
    protected abstract List<String> stopCommand();

    /** A {@code startCommand} for this server, as a user would configure it. */
    protected abstract List<String> startCommand();

    /** Stops the server behind Keel's back (as a crash between steps would leave it) and waits until it is gone. */
    protected void stopServerByHand() throws InterruptedException {
        long pid = server.pid().orElseThrow();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (LinuxProcess.alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(LinuxProcess.alive(pid), "the server stopped");
    }

    private Path sibling(String suffix) {
        return server.dataDirectory().resolveSibling(server.dataDirectory().getFileName() + suffix);
    }

    /** Schema queries, then every row of every table of {@code app}, as text. */
    private String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("app")); Statement s = c.createStatement()) {
            for (String query : schemaQueries()) {
                appendRows(out, s, query);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals("public")) {
                        tables.add(r.getString("TABLE_NAME"));
                    }
                }
            }
            tables.sort(null);
            for (String table : tables) {
                out.append("== ").append(table).append('\n');
                appendRows(out, s, "SELECT * FROM " + table + " ORDER BY 1");
            }
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
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
