package dev.keel.systemtests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.testkit.ThrowawayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A crash target on a {@link ThrowawayServer} of its own: the database {@code crash} on it. */
abstract class ServerTarget implements CrashTarget {

    final ThrowawayServer server;
    /** The database of this target on the shared server. */
    final String database;

    ServerTarget(ThrowawayServer server, String database) {
        this.server = server;
        this.database = database;
    }

    @Override
    public String url() {
        return server.jdbcUrl(database);
    }

    @Override
    public void drop() {
        server.execute(server.kind() == dev.keel.testkit.ServerKind.POSTGRES ? "postgres" : "",
                "DROP DATABASE IF EXISTS " + database);
    }

    @Override
    public List<String> snapshotSection() {
        return List.of("strategy: filecopy", "keep: 10", "options:", "  dataDirectory: '" + server.dataDirectory() + "'");
    }

    /**
     * The server answers, and a server process runs on the data directory: a kill must never leave it stopped
     * once the next command is done. A restart by Keel can take a moment to accept connections after the command
     * ends only if Keel did not wait for it, which it must; so no waiting here beyond a few seconds.
     */
    @Override
    public void assertServerRunning() {
        try {
            server.awaitRunning(Duration.ofSeconds(5));
        } catch (IllegalStateException e) {
            throw new AssertionError("the server is not running after the command: " + e.getMessage(), e);
        }
        assertTrue(server.pid().isPresent(), () -> "no server process on " + server.dataDirectory());
        // A second server started on the same directory (by a recovery that did not see the one starting) would fail
        // on its locks, or worse; exactly one may run, the one in the pid file.
        List<ProcessHandle> servers = serverProcesses();
        assertEquals(List.of(server.pid().getAsLong()), servers.stream().map(ProcessHandle::pid).toList(),
                () -> "not exactly one server process on " + server.dataDirectory() + ": " + servers.stream()
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }

    /** The server processes (postgres postmaster, mariadbd) whose command line names the data directory. */
    @Override
    public List<ProcessHandle> serverProcesses() {
        String dir = server.dataDirectory().toString();
        return ProcessHandle.allProcesses().filter(p -> {
            String command = p.info().command().orElse("");
            String line = p.info().commandLine().orElse("");
            return (command.endsWith("/postgres") || command.endsWith("/mariadbd") || command.endsWith("/mysqld"))
                    && line.contains(dir);
        }).toList();
    }

    @Override
    public long databaseBytes() {
        try (Stream<Path> walk = Files.walk(server.dataDirectory())) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processes running on the data directory, its neighbours, and the end of the throwaway server's log. */
    @Override
    public String diagnostics() {
        StringBuilder text = new StringBuilder("server pid (pid file): ").append(server.pid()).append('\n');
        String dir = server.dataDirectory().toString();
        ProcessHandle.allProcesses().forEach(p -> {
            String line = p.info().commandLine().orElse("");
            if (line.contains(dir)) {
                text.append("process ").append(p.pid()).append(": ").append(line).append('\n');
            }
        });
        Path parent = server.dataDirectory().getParent();
        try (Stream<Path> entries = Files.list(parent)) {
            text.append("in ").append(parent).append(": ")
                    .append(entries.map(p -> p.getFileName().toString()).sorted().toList()).append('\n');
            List<String> log = Files.readAllLines(parent.resolve("server.log"));
            text.append("end of ").append(parent.resolve("server.log")).append(":\n  ")
                    .append(String.join("\n  ", log.subList(Math.max(0, log.size() - 25), log.size())));
        } catch (IOException | UncheckedIOException e) {
            text.append("(").append(e.getMessage()).append(")");
        }
        return text.toString();
    }

    @Override
    public String describe() {
        return server.toString();
    }
}
