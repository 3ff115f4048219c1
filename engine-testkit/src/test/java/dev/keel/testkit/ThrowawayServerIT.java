package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real throwaway servers: started, used, stopped and restarted behind the object's back (as a snapshot strategy
 * does), and gone after {@code close()}: no process, no directory.
 */
class ThrowawayServerIT {

    @Test
    void postgresStartsAnswersRestartsAndLeavesNothing() throws Exception {
        ThrowawayServer server = ThrowawayServer.postgres();
        Path root = server.dataDirectory().getParent();
        long pid;
        try {
            assertEquals(ServerKind.POSTGRES, server.kind());
            assertEquals("jdbc:postgresql://127.0.0.1:" + server.port() + "/app?user=postgres", server.jdbcUrl("app"));
            assertTrue(Files.isRegularFile(server.dataDirectory().resolve("PG_VERSION")));
            assertTrue(server.isRunning());
            assertNotEquals(5432, server.port());
            assertListensOnLoopbackOnly(server.port());

            server.createDatabase("app");
            server.execute("app", "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
            assertEquals("2", single(server.jdbcUrl("app"), "SELECT count(*) FROM t"));
            assertThrows(IllegalArgumentException.class, () -> server.createDatabase("x; DROP"));

            OptionalLong first = server.pid();
            assertTrue(first.isPresent());
            // The backend lives as long as its connection: ask for its parent while the connection is open.
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("app")); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                assertTrue(rs.next());
                long backend = rs.getLong(1);
                assertEquals(first.getAsLong(),
                        ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid(),
                        "postmaster.pid names the postmaster");
            }

            // What a snapshot strategy does: pg_ctl stop, then pg_ctl start with no options (the settings are in
            // postgresql.conf, so the server comes back on the same port).
            Path pgCtl = Files.readSymbolicLink(Path.of("/proc", Long.toString(first.getAsLong()), "exe"))
                    .resolveSibling("pg_ctl");
            pgCtl(pgCtl, server, "stop", "-m", "fast");
            assertFalse(server.isRunning());
            assertTrue(server.pid().isEmpty());
            pgCtl(pgCtl, server, "start", "-l", root.resolve("pg_ctl.log").toString());
            server.awaitRunning(Duration.ofSeconds(30));
            assertNotEquals(first, server.pid(), "the PID is read from postmaster.pid, so it follows a restart");
            assertEquals("2", single(server.jdbcUrl("app"), "SELECT count(*) FROM t"));
            pid = server.pid().getAsLong();
        } finally {
            server.close();
        }
        assertGone(pid, root);
        assertDoesNotThrow(server::close, "a second close does nothing");
    }

    @Test
    void mariadbStartsAnswersRestartsAndLeavesNothing() throws Exception {
        ThrowawayServer server = ThrowawayServer.mariadb();
        Path root = server.dataDirectory().getParent();
        long pid;
        try {
            assertEquals(ServerKind.MYSQL, server.kind());
            assertTrue(server.jdbcUrl("app").startsWith("jdbc:mysql://127.0.0.1:" + server.port() + "/app?user=root&password="),
                    server.jdbcUrl("app"));
            assertTrue(server.isRunning());
            assertNotEquals(3306, server.port());
            assertListensOnLoopbackOnly(server.port());

            server.createDatabase("app");
            server.execute("app", "CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB", "INSERT INTO t VALUES (1), (2)");
            assertEquals("2", single(server.jdbcUrl("app"), "SELECT count(*) FROM t"));
            assertEquals("utf8mb4", single(server.jdbcUrl("app"), "SELECT @@character_set_database"));
            assertTrue(Files.isDirectory(server.dataDirectory().resolve("app")));

            OptionalLong first = server.pid();
            assertTrue(first.isPresent());

            // SQL SHUTDOWN, then the same server command line started again by someone else.
            List<String> command = commandLine(first.getAsLong());
            server.execute("", "SHUTDOWN");
            awaitGone(first.getAsLong());
            assertFalse(server.isRunning());
            assertTrue(server.pid().isEmpty());
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("again.log").toFile()))
                    .start();
            server.awaitRunning(Duration.ofSeconds(30));
            assertNotEquals(first, server.pid());
            assertEquals("2", single(server.jdbcUrl("app"), "SELECT count(*) FROM t"));
            pid = server.pid().getAsLong();
        } finally {
            server.close();
        }
        assertGone(pid, root);
        assertDoesNotThrow(server::close, "a second close does nothing");
    }

    @Test
    void closeStopsAServerThatHoldsOpenConnections() throws Exception {
        ThrowawayServer server = ThrowawayServer.postgres();
        Path root = server.dataDirectory().getParent();
        long pid = server.pid().orElseThrow();
        try (Connection held = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
            assertTrue(held.isValid(1));
            long started = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "a fast shutdown, not a wait for clients");
        }
        assertGone(pid, root);
        assertFalse(server.isRunning());
    }

    @Test
    void closeWithTheServerAlreadyStoppedJustDeletes() throws Exception {
        ThrowawayServer server = ThrowawayServer.mariadb();
        Path root = server.dataDirectory().getParent();
        long pid = server.pid().orElseThrow();
        server.execute("", "SHUTDOWN");
        awaitGone(pid);
        server.close();
        assertGone(pid, root);
    }

    private static void assertGone(long pid, Path root) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid),
                "server process " + pid + " still runs");
        assertFalse(Files.exists(root), root + " still exists");
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> !zombie(p.pid()) && commandLineOf(p.pid()).contains(root.toString()))
                .map(p -> p.pid() + " " + commandLineOf(p.pid())).toList();
        assertTrue(left.isEmpty(), "processes still running on " + root + ": " + left);
    }

    private static String commandLineOf(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static void assertListensOnLoopbackOnly(int port) throws IOException {
        InetAddress other = InetAddress.getLocalHost();
        if (other.isLoopbackAddress()) {
            return; // no other address to try
        }
        // The port is taken on 127.0.0.1 but still free on the machine's other address: bound to loopback only.
        try (ServerSocket socket = new ServerSocket(port, 1, other)) {
            assertEquals(port, socket.getLocalPort());
        }
    }

    private static void pgCtl(Path pgCtl, ThrowawayServer server, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", server.dataDirectory().toString(), "-w"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "pg_ctl " + String.join(" ", args));
    }

    private static List<String> commandLine(long pid) throws IOException {
        String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        return List.of(raw.split("\0"));
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid)) {
            assertTrue(System.nanoTime() < deadline, "process " + pid + " did not exit");
            Thread.sleep(50);
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException gone) {
            return true;
        }
    }

    private static String single(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
