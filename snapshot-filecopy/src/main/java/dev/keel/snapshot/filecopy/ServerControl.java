package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.snapshot.SnapshotContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Stops, starts and waits for one database server: the configured commands when given, else the standard way
 * ({@code pg_ctl stop -m fast}, SQL {@code SHUTDOWN}) and the server's own command line to start it again.
 */
final class ServerControl {

    /** Short: a start is polled until the server answers, and each poll saved is time the user waits. */
    private static final Duration POLL = Duration.ofMillis(25);
    /** How long a server started in the background may take to show up as a process before its start failed. */
    private static final Duration APPEAR_WITHIN = Duration.ofSeconds(10);
    private static final Path POSTGRES_VERSIONS = Path.of("/usr/lib/postgresql");

    private final SnapshotContext context;
    private final ServerFamily family;
    private final FileCopyOptions options;
    private final Path log;

    /**
     * @param log the file a started server's output is appended to
     */
    ServerControl(SnapshotContext context, ServerFamily family, FileCopyOptions options, Path log) {
        this.context = context;
        this.family = family;
        this.options = options;
        this.log = log;
    }

    /** Whether a new session on the database succeeds now. */
    boolean answers() {
        try (DatabaseSession session = context.openSession()) {
            return session != null;
        } catch (RuntimeException down) {
            return false;
        }
    }

    /** Asks the running server one value (the first column of the first row). */
    String ask(String sql) {
        try (DatabaseSession session = context.openSession()) {
            List<Row> rows = session.query(sql);
            if (rows.isEmpty() || rows.get(0).values().isEmpty()) {
                throw new IllegalStateException("'" + sql + "' returned no value");
            }
            Object value = rows.get(0).values().values().iterator().next();
            if (value == null || String.valueOf(value).isBlank()) {
                throw new IllegalStateException("'" + sql + "' returned an empty value");
            }
            return String.valueOf(value).strip();
        }
    }

    /**
     * The product for people: {@code MariaDB} or {@code MySQL} (told apart by the version the server reports, since
     * MySQL's driver calls both MySQL), or the family's name when the server does not answer.
     */
    String productName() {
        if (family != ServerFamily.MYSQL) {
            return family.product();
        }
        try (DatabaseSession session = context.openSession()) {
            ServerInfo info = session.serverInfo();
            return (info.product() + " " + info.version()).contains("MariaDB") ? "MariaDB" : "MySQL";
        } catch (RuntimeException down) {
            return family.product();
        }
    }

    /** The server's pid file: {@code DIR/postmaster.pid}, or MariaDB's {@code @@pid_file} asked from it. */
    Path pidFile(Path dataDirectory) {
        if (family == ServerFamily.POSTGRES) {
            return dataDirectory.resolve("postmaster.pid");
        }
        try {
            // Relative names are relative to the data directory, where the server runs.
            return dataDirectory.resolve(ask("SELECT @@pid_file")).normalize();
        } catch (RuntimeException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot ask the " + family.product() + " server at " + context.displayUrl() + " for its pid file: "
                            + e.getMessage(),
                    "filecopy stops and starts a running server: start it, and check the connection.");
        }
    }

    /**
     * How to start the server again: the {@code startCommand} option, or the command line, user, folder, locale
     * and PATH of the process running now.
     */
    Optional<StartCommand> startCommand(long pid) {
        if (!options.startCommand().isEmpty()) {
            return Optional.of(StartCommand.configured(options.startCommand()));
        }
        return StartCommand.ofRunningProcess(pid);
    }

    /**
     * Stops the server and waits until its process is gone: the {@code stopCommand} option, else
     * {@code pg_ctl stop -D DIR -m fast -w} (as the owner of DIR when Keel is root) or the SQL statement
     * {@code SHUTDOWN}.
     *
     * @throws IOException when it is still running afterwards, with what the command said
     */
    void stop(Path dataDirectory, long pid) throws IOException {
        Duration timeout = context.readyTimeout();
        String said = "";
        if (!options.stopCommand().isEmpty()) {
            // A configured command runs where Keel runs, so that a relative name in it means what the user meant.
            Commands.Result result = Commands.run(options.stopCommand(), Path.of("").toAbsolutePath(), timeout);
            said = "the stop command " + options.stopCommand() + " exited with " + result.exitCode()
                    + (result.output().isEmpty() ? "" : ": " + result.output());
            failFastIfRefused(result, pid, said);
        } else if (family == ServerFamily.POSTGRES) {
            Path pgCtl = pgCtl(dataDirectory, OptionalLong.of(pid)).orElseThrow(() -> new IOException(
                    "pg_ctl was found neither beside the server binary, nor in /usr/lib/postgresql/*/bin, nor on PATH"));
            List<String> command = Commands.asUser(owner(dataDirectory), List.of(pgCtl.toString(), "stop", "-D",
                    dataDirectory.toString(), "-m", "fast", "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds()))));
            // From "/": the data directory's owner may not be allowed into Keel's working folder.
            Commands.Result result = Commands.run(command, Path.of("/"), timeout.plusSeconds(10));
            said = "pg_ctl stop exited with " + result.exitCode() + (result.output().isEmpty() ? ""
                    : ": " + result.output());
            failFastIfRefused(result, pid, said);
        } else {
            try (DatabaseSession session = context.openSession()) {
                session.execute("SHUTDOWN");
                said = "SHUTDOWN succeeded";
            } catch (RuntimeException e) {
                // The server may drop the connection while it goes down; a refusal leaves it running and answering.
                said = "SHUTDOWN said: " + e.getMessage();
                if (!awaitGone(pid, Duration.ofSeconds(2)) && answers()) {
                    throw new IOException("the " + family.product() + " server did not shut down (" + said + ")");
                }
            }
        }
        if (!awaitGone(pid, timeout)) {
            throw new IOException("the " + family.product() + " server (PID " + pid + ") was still running "
                    + timeout.toSeconds() + " seconds after it was asked to stop" + (said.isEmpty() ? "" : "; " + said));
        }
    }

    /** A stop command that failed while the server still runs will not stop it later: say so now. */
    private void failFastIfRefused(Commands.Result result, long pid, String said) throws IOException {
        if (result.exitCode() != 0 && !awaitGone(pid, Duration.ofSeconds(2))) {
            throw new IOException("the " + family.product() + " server was not stopped: " + said);
        }
    }

    /** Waits until the process is gone; false when it still runs after the timeout. */
    boolean awaitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (LinuxProcess.alive(pid)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            pause(Duration.ofMillis(10));
        }
        return true;
    }

    /**
     * Starts the server detached (its own session, stdin from /dev/null, output appended to the log) and waits
     * until a session succeeds.
     *
     * <p>A server command line read from {@code /proc} runs in the foreground; it is started through
     * {@code setsid --fork}, so that it is not Keel's child: the JVM waits up to 300 ms at exit for a thread blocked
     * on a child process, which would be paid by every command that restarted a server. Its failure is then seen
     * as its process going away (found by pid file or command line), not as an exit code.
     *
     * @throws IOException when it exits with an error or does not answer within {@link SnapshotContext#readyTimeout()}
     */
    void start(ServerState state) throws IOException {
        StartCommand command = state.start();
        boolean forked = command.runsInForeground() && Commands.find("setsid").isPresent();
        Process process = Commands.startDetached(command.commandLine(), command.workingDirectory(),
                command.environment(), openLog(command), forked);
        long begun = System.nanoTime();
        long deadline = begun + context.readyTimeout().toNanos();
        boolean seen = false;
        while (!answers()) {
            if (!process.isAlive() && process.exitValue() != 0) {
                throw new IOException("the start command " + command.display() + " exited with "
                        + process.exitValue() + logTail());
            }
            if (forked && !process.isAlive()) {
                boolean running = state.runningPid().isPresent()
                        || family.processOn(state.dataDirectory()).isPresent();
                if (!running && (seen || System.nanoTime() - begun > APPEAR_WITHIN.toNanos())) {
                    throw new IOException("the " + family.product() + " server started with " + command.display()
                            + (seen ? " stopped" : " did not appear as a process") + " before it answered"
                            + logTail());
                }
                seen |= running;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the " + family.product() + " server started with " + command.display()
                        + " did not answer within " + context.readyTimeout().toSeconds() + " seconds" + logTail());
            }
            pause(POLL);
        }
    }

    /**
     * Makes sure the server runs: nothing when it answers; when its process is alive (starting up, or shutting
     * down), waits until it answers or is gone; starts it when it is gone.
     */
    void ensureRunning(ServerState state) throws IOException {
        if (answers()) {
            return;
        }
        OptionalLong pid = state.runningPid();
        if (pid.isEmpty()) {
            pid = family.processOn(state.dataDirectory());
        }
        if (pid.isPresent()) {
            long deadline = System.nanoTime() + context.readyTimeout().toNanos();
            while (LinuxProcess.alive(pid.getAsLong()) && System.nanoTime() - deadline < 0) {
                if (answers()) {
                    return;
                }
                pause(POLL);
            }
            if (LinuxProcess.alive(pid.getAsLong())) {
                throw new IOException("the " + family.product() + " server (PID " + pid.getAsLong()
                        + ") runs but did not answer within " + context.readyTimeout().toSeconds() + " seconds");
            }
        }
        start(state);
    }

    /**
     * {@code pg_ctl} of the running server's version: beside its binary, then in
     * {@code /usr/lib/postgresql/VERSION/bin} (VERSION from {@code DIR/PG_VERSION}), then the newest there, then PATH.
     */
    Optional<Path> pgCtl(Path dataDirectory, OptionalLong pid) {
        List<Path> candidates = new ArrayList<>();
        if (pid.isPresent()) {
            try {
                Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid.getAsLong()), "exe"));
                if (exe.getParent() != null) {
                    candidates.add(exe.getParent().resolve("pg_ctl"));
                }
            } catch (IOException | UnsupportedOperationException hidden) {
                // not ours to see
            }
        }
        try {
            String version = Files.readString(dataDirectory.resolve("PG_VERSION"), StandardCharsets.UTF_8).strip();
            candidates.add(POSTGRES_VERSIONS.resolve(version).resolve("bin").resolve("pg_ctl"));
        } catch (IOException | RuntimeException unreadable) {
            // not a data directory we can read; the checks say so
        }
        if (Files.isDirectory(POSTGRES_VERSIONS)) {
            try (Stream<Path> versions = Files.list(POSTGRES_VERSIONS)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path v) -> Double.parseDouble(v.getFileName().toString()))
                                .reversed())
                        .forEach(v -> candidates.add(v.resolve("bin").resolve("pg_ctl")));
            } catch (IOException unreadable) {
                // fall through to PATH
            }
        }
        Commands.find("pg_ctl").ifPresent(candidates::add);
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * The log with a line saying what starts, or empty when it cannot be written: a full disk (perhaps the very reason
     * a take failed) must not keep the server from starting again.
     */
    private Optional<Path> openLog(StartCommand command) {
        try {
            SnapshotFiles.createPrivateDirectories(log.getParent());
            if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
                SnapshotFiles.createPrivateFile(log);
            }
            Files.writeString(log, "# " + Instant.now() + " keel filecopy starts: " + command.display() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return Optional.of(log);
        } catch (IOException e) {
            return Files.isRegularFile(log) ? Optional.of(log) : Optional.empty();
        }
    }

    /** The owner of the data directory, whom the server binaries run as. */
    static Optional<String> owner(Path dataDirectory) {
        try {
            return Optional.of(Files.getOwner(dataDirectory, LinkOption.NOFOLLOW_LINKS).getName());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private String logTail() {
        String tail = Commands.tail(log, 15);
        return tail.isEmpty() ? "" : "; end of " + log + ":\n" + tail;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database server", e);
        }
    }
}
