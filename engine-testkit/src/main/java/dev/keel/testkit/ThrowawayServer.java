package dev.keel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server of its own for one test, in a temporary directory, on a free port bound to 127.0.0.1: for tests
 * that stop, copy and restore a whole server (snapshot strategies), which must never do that to the shared servers
 * ({@code shared/TESTING.md}).
 *
 * <p>The server runs as a detached background process (stdin from {@code /dev/null}, output appended to
 * {@code server.log} in the temporary directory), so code under test may stop it ({@code pg_ctl stop}, SQL
 * {@code SHUTDOWN}) and start it again by itself. PostgreSQL keeps its port, socket directory and settings in
 * {@code postgresql.conf}, so a plain {@code pg_ctl -D DIR start} brings it back on the same port. Everything about
 * the running server is therefore read from its data directory (the pid file), never from the process this class
 * started: {@link #pid()} changes when something restarts the server, and {@link #close()} stops whatever server runs
 * on the directory then and deletes the temporary directory.
 *
 * <p>As root, PostgreSQL (which refuses to run as root) runs as the {@code postgres} user through {@code runuser},
 * and the temporary directory belongs to that user; MariaDB runs with {@code --user=root}. When the server binaries
 * are missing the calling test is skipped with the reason, except under {@code CI=true} where it fails, as in
 * {@link DatabaseProvisioning}. The calling module brings the JDBC driver ({@code org.postgresql:postgresql} or
 * {@code com.mysql:mysql-connector-j}) on its test class path.
 */
public final class ThrowawayServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final System.Logger LOG = System.getLogger(ThrowawayServer.class.getName());

    private final ServerKind kind;
    private final Path root;
    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final Thread cleanup;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The process this class started last; only a fallback for stopping, the pid file is the truth. */
    private volatile Process launched;

    private ThrowawayServer(ServerKind kind, Path root, Path dataDirectory, int port) {
        this.kind = kind;
        this.root = root;
        this.dataDirectory = dataDirectory;
        this.log = root.resolve("server.log");
        this.port = port;
        // A test that forgets close() must not leave a server running after the JVM.
        this.cleanup = new Thread(this::stopAndDelete, "keel-throwaway-" + kind + "-" + port);
    }

    /**
     * A new PostgreSQL server: {@code initdb -A trust -U postgres} into a fresh temporary directory, then
     * {@code postgres -D DIR -p PORT -k SOCKDIR -c listen_addresses=127.0.0.1} (as {@code postgres} when root), and
     * waits until it answers. Superuser {@code postgres}, no password; database {@code postgres} exists.
     */
    public static ThrowawayServer postgres() {
        Path bin = postgresBinaries();
        Optional<String> asUser = Optional.empty();
        if (ROOT) {
            if (findExecutable("runuser", List.of()).isEmpty() || !userExists("postgres")) {
                return unavailable("PostgreSQL refuses to run as root and there is no runuser or no postgres user");
            }
            asUser = Optional.of("postgres");
        }
        Path root = temporaryDirectory("keel-pg-");
        try {
            Path data = root.resolve("data");
            Path sockets = root.resolve("sock");
            Files.createDirectories(sockets);
            if (asUser.isPresent()) {
                run(List.of("chown", "-R", asUser.get() + ":", root.toString()), root.resolve("chown.log"));
            }
            run(as(asUser, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")),
                    root.resolve("initdb.log"));
            int port = freePort();
            // In postgresql.conf, so that code under test starting it again with pg_ctl gets the same server.
            // fsync=off changes nothing on disk but the flushing; the data directory stays an ordinary one.
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                    "", "# keel ThrowawayServer",
                    "port = " + port,
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = '" + sockets + "'",
                    "shared_buffers = 32MB",
                    "fsync = off",
                    "synchronous_commit = off",
                    "logging_collector = off", ""),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            List<String> command = as(asUser, List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-k", sockets.toString(), "-c", "listen_addresses=127.0.0.1"));
            return started(new ThrowawayServer(ServerKind.POSTGRES, root, data, port), command);
        } catch (IOException e) {
            deleteQuietly(root, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(root, e);
            throw e;
        }
    }

    /**
     * A new MariaDB server (standing in for MySQL): {@code mariadb-install-db --datadir=DIR
     * --auth-root-authentication-method=normal}, then {@code mariadbd --no-defaults --datadir=DIR --socket=SOCK
     * --port=PORT --bind-address=127.0.0.1 --user=root} in the background, and waits until it answers. User
     * {@code root} with an empty password. The pid file is {@code DIR/mariadbd.pid}.
     */
    public static ThrowawayServer mariadb() {
        List<String> where = List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/sbin");
        Optional<Path> install = findExecutable("mariadb-install-db", where);
        Optional<Path> server = findExecutable("mariadbd", where);
        if (install.isEmpty() || server.isEmpty()) {
            return unavailable("MariaDB binaries not found (mariadb-install-db and mariadbd on PATH or in /usr/sbin)");
        }
        Path root = temporaryDirectory("keel-mariadb-");
        try {
            Path data = root.resolve("data");
            Files.createDirectories(data);
            // A temporary folder of its own: a starting mariadbd deletes every #sql* file in its tmpdir, which would
            // pull files from under other servers and installs running at the same time if they shared /tmp.
            Path tmp = Files.createDirectories(root.resolve("tmp"));
            // Small redo log and buffer pool: cheap to create, copy and start; the on-disk format is the usual one.
            List<String> tuning = List.of("--innodb-log-file-size=16M", "--innodb-buffer-pool-size=32M",
                    "--tmpdir=" + tmp);
            List<String> initialize = new ArrayList<>(List.of(install.get().toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (ROOT) {
                initialize.add("--user=root");
            }
            initialize.addAll(tuning);
            run(initialize, root.resolve("install.log"));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(server.get().toString(), "--no-defaults",
                    "--datadir=" + data, "--socket=" + root.resolve("mariadbd.sock"), "--port=" + port,
                    "--bind-address=127.0.0.1", "--pid-file=" + data.resolve("mariadbd.pid")));
            if (ROOT) {
                command.add("--user=root");
            }
            command.addAll(tuning);
            command.add("--innodb-flush-log-at-trx-commit=2");
            return started(new ThrowawayServer(ServerKind.MYSQL, root, data, port), command);
        } catch (IOException e) {
            deleteQuietly(root, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(root, e);
            throw e;
        }
    }

    /** {@link ServerKind#POSTGRES} or {@link ServerKind#MYSQL} (MariaDB). */
    public ServerKind kind() {
        return kind;
    }

    /** The server's data directory (inside the temporary directory, deleted by {@link #close()}). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /**
     * The JDBC URL of a database on this server, user and (empty) password included:
     * {@code jdbc:postgresql://127.0.0.1:PORT/DB?user=postgres} or
     * {@code jdbc:mysql://127.0.0.1:PORT/DB?user=root&password=&useSSL=false&…}. For MariaDB an empty name gives
     * the server-level URL.
     */
    public String jdbcUrl(String database) {
        if (kind == ServerKind.POSTGRES) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
        }
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?user=root&password=&"
                + kind.databaseUrlParameters;
    }

    /** Creates a database ({@code utf8mb4} on MariaDB). */
    public void createDatabase(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = connect(adminDatabase())) {
            kind.create(admin, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + this + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements one after another in a database, each committed on its own; for test setup. */
    public void execute(String database, String... sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + this + " database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The PID of the server running on the data directory now, from its pid file ({@code postmaster.pid}; for
     * MariaDB {@code mariadbd.pid} or another {@code *.pid} there), when that process is alive and is such a server;
     * empty when none runs. It changes when something restarts the server.
     */
    public OptionalLong pid() {
        for (Path file : pidFiles()) {
            OptionalLong pid = readPid(file);
            if (pid.isPresent() && isServerProcess(pid.getAsLong())) {
                return pid;
            }
        }
        return OptionalLong.empty();
    }

    /** Whether a connection to the server succeeds now. */
    public boolean isRunning() {
        Properties properties = kind.connectProperties();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase()), properties)) {
            return connection.isValid(5);
        } catch (SQLException notRunning) {
            if (notRunning.getMessage() != null && notRunning.getMessage().startsWith("No suitable driver")) {
                throw new IllegalStateException("the JDBC driver " + kind.driver + " is not on the test class path",
                        notRunning);
            }
            return false;
        }
    }

    /** Waits until a connection succeeds; fails with the end of the server log when it does not within the time. */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isRunning()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(this + " did not answer within " + timeout + "; " + logTail());
            }
            sleep(100);
        }
    }

    /**
     * Stops whatever server runs on the data directory now (by the PID in its pid file: a fast shutdown, then
     * {@code SIGKILL} for it and its children after 30 seconds), then deletes the temporary directory. Later calls do
     * nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            stopAndDelete();
        }
    }

    @Override
    public String toString() {
        return "throwaway " + kind.product + " on 127.0.0.1:" + port + " (" + dataDirectory + ")";
    }

    // ------------------------------------------------------------------------------------------ starting

    private static ThrowawayServer started(ThrowawayServer server, List<String> command) throws IOException {
        Runtime.getRuntime().addShutdownHook(server.cleanup);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(server.root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(server.log.toFile()));
            server.launched = builder.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!server.isRunning()) {
                if (!server.launched.isAlive() && server.pid().isEmpty()) {
                    throw new IllegalStateException(server + " exited while starting (exit "
                            + server.launched.exitValue() + "); " + server.logTail());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(server + " did not answer within " + START_TIMEOUT + "; "
                            + server.logTail());
                }
                sleep(50);
            }
            return server;
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with {@code initdb} and {@code postgres}. */
    private static Path postgresBinaries() {
        Path base = Path.of("/usr/lib/postgresql");
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path v) -> Double.parseDouble(v.getFileName().toString()))
                                .reversed())
                        .map(v -> v.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Elsewhere (another distribution, a source build) initdb is usually on the PATH beside postgres.
        findExecutable("initdb", List.of()).ifPresent(initdb -> candidates.add(initdb.getParent()));
        for (Path bin : candidates) {
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"))) {
                return bin;
            }
        }
        return unavailable("PostgreSQL server binaries not found (initdb and postgres in /usr/lib/postgresql/*/bin "
                + "or on PATH)");
    }

    private static List<String> as(Optional<String> user, List<String> command) {
        if (user.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user.get(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a setup command to its end, output to a log; fails with the log's end when it fails. */
    private static void run(List<String> command, Path logFile) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(logFile.toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                    + "\n" + tail(logFile));
        }
    }

    // ------------------------------------------------------------------------------------------ stopping

    private void stopAndDelete() {
        try {
            stop();
        } finally {
            deleteQuietly(root, null);
        }
    }

    private void stop() {
        OptionalLong pid = pid();
        if (pid.isPresent()) {
            long p = pid.getAsLong();
            List<ProcessHandle> children = ProcessHandle.of(p).map(h -> h.descendants().toList()).orElse(List.of());
            if (kind == ServerKind.POSTGRES) {
                // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every client to disconnect.
                signal(p, "INT");
            } else {
                ProcessHandle.of(p).ifPresent(ProcessHandle::destroy);
            }
            if (!awaitGone(p, STOP_TIMEOUT)) {
                LOG.log(System.Logger.Level.WARNING, this + " did not stop within " + STOP_TIMEOUT + "; killing it");
                ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
                awaitGone(p, Duration.ofSeconds(10));
            }
            // After a SIGKILL of the postmaster its backends would run on.
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
        }
        Process original = launched;
        if (original != null && original.isAlive()) {
            original.destroy();
            try {
                if (!original.waitFor(10, TimeUnit.SECONDS)) {
                    original.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void signal(long pid, String name) {
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-s", name, Long.toString(pid)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ processes

    private List<Path> pidFiles() {
        if (kind == ServerKind.POSTGRES) {
            return List.of(dataDirectory.resolve("postmaster.pid"));
        }
        List<Path> files = new ArrayList<>(List.of(dataDirectory.resolve("mariadbd.pid")));
        // Started again without --pid-file, MariaDB writes HOSTNAME.pid.
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".pid") && !files.contains(p)).forEach(files::add);
        } catch (IOException gone) {
            // no data directory, no server
        }
        return files;
    }

    private static OptionalLong readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d+")) {
                return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
            }
        } catch (IOException | UncheckedIOException absent) {
            // no pid file: no server
        }
        return OptionalLong.empty();
    }

    /** Whether the process is alive and runs this kind of server (a stale pid file may name a reused PID). */
    private boolean isServerProcess(long pid) {
        if (!alive(pid)) {
            return false;
        }
        String program = kind == ServerKind.POSTGRES ? "postgres" : "mariadbd";
        String fallback = kind == ServerKind.POSTGRES ? "postmaster" : "mysqld";
        try {
            String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8).strip();
            return comm.startsWith(program) || comm.startsWith(fallback);
        } catch (IOException noProc) {
            return true; // no /proc to ask: trust the pid file
        }
    }

    /** Alive and not a zombie: an orphan's parent (PID 1 in a container) may never reap it. */
    private static boolean alive(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
                int afterName = stat.lastIndexOf(')');
                return afterName < 0 || stat.length() < afterName + 3 || stat.charAt(afterName + 2) != 'Z';
            } catch (IOException gone) {
                return false;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private String adminDatabase() {
        return kind == ServerKind.POSTGRES ? "postgres" : "";
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), kind.connectProperties());
    }

    private String logTail() {
        return "end of " + log + ":\n" + tail(log);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> findExecutable(String name, List<String> extra) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(extra);
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean userExists(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    private static void deleteQuietly(Path dir, Throwable failure) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new UncheckedIOException("cannot delete " + dir, e instanceof IOException io ? io
                        : ((UncheckedIOException) e).getCause());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T> T unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail("database tests must run in CI: " + reason);
        }
        LOG.log(System.Logger.Level.WARNING, "skipping: " + reason);
        return Assumptions.abort(reason);
    }
}
