package dev.keel.systemtests.snapshot;

import static dev.keel.systemtests.snapshot.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import dev.keel.testkit.ThrowawayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 6, through the packaged CLI: {@code snapshot.directory} on a 2 MB tmpfs, a database larger than
 * that. {@code keel migrate} (and {@code keel snapshot begin}) refuse with exit 2 and KEEL-E1003 before anything is
 * stopped or copied: the server keeps its PID and answers all along, the schema, rows and history are unchanged, and
 * nothing is left on the small disk, in the journal or as an open session.
 */
class SnapshotDiskTooSmallIT {

    @TempDir
    Path dir;

    private ThrowawayServer server;

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mariadbRefusesBeforeStoppingTheServer() {
        server = timed("MariaDB throwaway server start", ThrowawayServer::mariadb);
        Target target = Target.on(server);
        try (Tmpfs small = Tmpfs.mount(dir.resolve("small"), "2m")) {
            Workspace workspace = workspace(target, small);
            workspace.migration(Migrations.V1, Migrations.V1_SQL);
            KeelRun setup = workspace.keel("migrate", "--snapshot", "none");
            assertEquals(0, setup.exitCode(), setup::toString);
            // About 3 MB of rows, on top of a data directory that is far larger than 2 MB anyway.
            target.execute("CREATE TABLE payloads (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(2000) NOT NULL)",
                    "INSERT INTO payloads (id, body) SELECT seq, REPEAT('x', 1000) FROM seq_1_to_3000");
            workspace.migration(Migrations.V2, Migrations.V2_SQL);
            DatabaseState before = target.state();
            List<String> history = target.history();
            long pid = server.pid().orElseThrow();

            try (Watch watch = new Watch(server)) {
                KeelRun refused = timed("MariaDB migrate refused for space", () -> workspace.keel("migrate"));
                assertRefused(refused, small);
                KeelRun begin = workspace.keel("snapshot", "begin", "--json");
                assertEquals(2, begin.exitCode(), begin::toString);
                assertEquals("KEEL-E1003", begin.problems().get(0).path("code").asText(), begin::toString);
                watch.stop();
                watch.assertAlwaysUp();
            }
            assertEquals(pid, server.pid().orElseThrow(), "the server was never stopped: same PID");
            before.assertSameAs(target.state(), "after the refusals");
            assertEquals(history, target.history());
            assertUntouched(workspace, small);
        }
    }

    @Test
    void sqliteRefusesBeforeCopying() {
        Target target = Target.sqlite(dir.resolve("data"));
        try (Tmpfs small = Tmpfs.mount(dir.resolve("small"), "2m")) {
            Workspace workspace = workspace(target, small);
            workspace.migration(Migrations.V1, Migrations.V1_SQL);
            KeelRun setup = workspace.keel("migrate");
            assertEquals(0, setup.exitCode(), setup::toString);
            target.execute("CREATE TABLE payloads (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(2000) NOT NULL)",
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                            + " INSERT INTO payloads (id, body) SELECT i, hex(zeroblob(500)) FROM n");
            assertTrue(size(target.sqliteFile()) > small.usableBytes(), "the database is larger than the free space");
            workspace.migration(Migrations.V2, Migrations.V2_SQL);
            workspace.migration(Migrations.V3, Migrations.V3_NO_TRANSACTION);
            DatabaseState before = target.state();
            List<String> history = target.history();

            KeelRun refused = workspace.keel("migrate");
            assertRefused(refused, small);
            before.assertSameAs(target.state(), "after the refusal");
            assertEquals(history, target.history());
            assertUntouched(workspace, small);
        }
    }

    private Workspace workspace(Target target, Tmpfs small) {
        Workspace workspace = new Workspace(dir.resolve("project"));
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot:
                      strategy: filecopy
                      directory: %s
                """.formatted(target.yamlUrl(), small.path()));
        return workspace;
    }

    private static void assertRefused(KeelRun refused, Tmpfs small) {
        assertEquals(2, refused.exitCode(), () -> "refused: exit 2\n" + refused);
        assertTrue(refused.stderr().contains("KEEL-E1003"), refused::toString);
        assertTrue(refused.stderr().contains("fix:"), () -> "the error says what to do\n" + refused);
        assertTrue(refused.output().contains(small.path().toString()), () -> "the error names the folder\n" + refused);
    }

    /** Nothing on the small disk, no journal, no open session, no snapshot in the audit log. */
    private static void assertUntouched(Workspace workspace, Tmpfs small) {
        try (Stream<Path> files = Files.walk(small.path())) {
            List<Path> left = files.filter(p -> !p.equals(small.path())).toList();
            assertEquals(List.of(), left, "nothing is left on the small disk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(Files.exists(workspace.keelFolder().resolve("journal.properties")), "no journal left");
        assertFalse(Files.exists(workspace.keelFolder().resolve("session.properties")), "no session opened");
        assertFalse(Files.exists(workspace.keelFolder().resolve("migration.lock")), "maintenance flag lowered");
        assertTrue(workspace.audit("snapshot").stream().noneMatch(e -> e.path("outcome").asText().equals("taken")),
                () -> "no snapshot taken: " + workspace.audit());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the server every 50 ms whether it answers, while keel runs. */
    private static final class Watch implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> downs = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private final AtomicInteger looks = new AtomicInteger();

        Watch(ThrowawayServer server) {
            thread = new Thread(() -> {
                while (running.get()) {
                    looks.incrementAndGet();
                    if (!server.isRunning()) {
                        downs.add(Instant.now().toString());
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "server-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void assertAlwaysUp() {
            assertTrue(looks.get() > 0, "the server was watched");
            assertEquals(List.of(), downs, "the server answered every time it was asked during the refused runs");
        }

        @Override
        public void close() {
            stop();
        }

        void stop() {
            running.set(false);
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
