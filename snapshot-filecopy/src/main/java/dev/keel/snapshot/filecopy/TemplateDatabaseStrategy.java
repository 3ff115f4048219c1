package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import static dev.keel.snapshot.filecopy.MaintenanceSession.quote;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code filecopy} with {@code method: template}: the PostgreSQL server copies the database itself with
 * {@code CREATE DATABASE keel_snap_ID TEMPLATE app} ({@code STRATEGY FILE_COPY} on PostgreSQL 15 and later) while it
 * keeps running. PostgreSQL copies a database only while no other session is connected to it, so a take refuses
 * while any is. The copy is made with {@code ALLOW_CONNECTIONS false}, so nobody changes it afterwards, and gets the
 * live database's owner, connection limit, privileges, settings and comment ({@link DatabaseAttributes}).
 *
 * <p>Restore drops the live database ({@code WITH (FORCE)} from PostgreSQL 13: its sessions are ended) and renames
 * the copy to the live name, so the snapshot is used up. Every step looks at which of the two databases exist, so a
 * restore interrupted anywhere finishes when called again. The snapshot folder ({@code <id>/snapshot.properties},
 * written as {@code <id>.partial} and renamed) records the take; a snapshot is listed while its folder is complete
 * and its database is on the server.
 */
final class TemplateDatabaseStrategy implements SnapshotStrategy {

    /** The {@code kind} recorded in {@code snapshot.properties}. */
    static final String KIND = "postgres-template";
    /** Every snapshot database's name starts with this. */
    static final String PREFIX = "keel_snap_";
    /**
     * Written into the snapshot folder before a restore drops the live database: from then on, a snapshot database
     * that is gone has been renamed into place (rather than dropped by someone else).
     */
    static final String RESTORE_STARTED = "restore.started";
    private static final int MAX_NAME = 63;
    private static final long SESSIONS_WAIT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 100;
    private static final int FIRST_SUPPORTED = 90_500;

    private final SnapshotContext context;
    private final FileCopyOptions options;
    private final SnapshotFolder folder;
    private final PostgresUrl url;
    private final String displayHead;
    private String liveDatabase;

    TemplateDatabaseStrategy(SnapshotContext context, FileCopyOptions options) {
        this.context = context;
        this.options = options;
        this.folder = new SnapshotFolder(context.snapshotDirectory(), FileCopyStrategyProvider.ID);
        this.url = PostgresUrl.parse(context.databaseUrl()).orElseThrow(() -> KeelException.of(
                ErrorCode.SNAPSHOT_UNAVAILABLE,
                "The filecopy method template needs a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), "
                        + "not " + context.displayUrl() + ", to reach the server's maintenance database.",
                "Configure the database with a jdbc:postgresql: URL, or use method: directory."));
        this.displayHead = PostgresUrl.parse(context.displayUrl()).map(PostgresUrl::head).orElse("jdbc:postgresql:");
    }

    @Override
    public String id() {
        return FileCopyStrategyProvider.ID;
    }

    @Override
    public String describe() {
        String name;
        try {
            name = liveDatabase();
        } catch (KeelException unknownYet) {
            name = "(named by the URL)";
        }
        return "PostgreSQL database " + name + " copied by the server (CREATE DATABASE … TEMPLATE), no server stop; "
                + "needs the database to have no other sessions";
    }

    @Override
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>(folderProblems());
        String live;
        try {
            live = liveDatabase();
        } catch (KeelException e) {
            problems.addAll(e.problems());
            return problems;
        }
        try (MaintenanceSession session = open(live)) {
            problems.addAll(serverProblems(session, facts(session, live)));
        } catch (KeelException e) {
            problems.addAll(e.problems());
        } catch (SQLException e) {
            problems.add(unavailable("Cannot check PostgreSQL database " + live + " for a template snapshot: "
                    + message(e) + ".", "Check the database URL " + context.displayUrl() + " and the server."));
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------ take

    @Override
    public Snapshot take(String id, Map<String, String> metadata, SnapshotProgress progress) {
        SnapshotFolder.checkId(id);
        String live = liveDatabase();
        String copy = snapshotDatabase(id);
        progress.update(SnapshotPhase.CHECKING_SPACE, 0, 0);
        // Keel's own pooled sessions count as "other sessions" for CREATE DATABASE … TEMPLATE.
        context.closeConnections();
        try (MaintenanceSession session = open(live)) {
            Facts facts = facts(session, live);
            List<Problem> problems = new ArrayList<>(folderProblems());
            problems.addAll(serverProblems(session, facts));
            if (!problems.isEmpty()) {
                throw new KeelException(problems);
            }
            if (session.databaseExists(copy)) {
                throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                        "A database named " + copy + " already exists on the PostgreSQL server, so snapshot " + id
                                + " cannot be taken under that name; nothing was created.",
                        "Take the snapshot again (it gets a new id), or drop " + copy + " if it is a leftover.");
            }
            awaitNoOtherSessions(session, live);
            long size = session.one("SELECT pg_database_size(?) AS size", live).flatMap(r -> r.number("size"))
                    .orElse(0L);
            String spaceCheck = checkSpace(session, facts, live, size);
            DatabaseAttributes attributes = DatabaseAttributes.read(session, live);
            try {
                folder.beginPartial(id);
            } catch (IOException e) {
                throw takeFailed(id, live, e);
            }
            try {
                progress.update(SnapshotPhase.COPYING, 0, size);
                session.execute(createStatement(copy, live, facts, session.version()));
                attributes.applyTo(session, copy, facts.owner());
                progress.update(SnapshotPhase.COPYING, size, size);
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("kind", KIND);
                extra.put("method", FileCopyOptions.Method.TEMPLATE.id());
                extra.put("database", live);
                extra.put("snapshotDatabase", copy);
                extra.put("serverVersion", Integer.toString(session.version()));
                extra.put("allowConnections", Boolean.toString(facts.allowConnections()));
                extra.put("spaceCheck", spaceCheck);
                return folder.publish(id, metadata, size, true, extra);
            } catch (SQLException | IOException | RuntimeException e) {
                // 55006: a session connected between the check and the CREATE DATABASE (which waits 5 s for it).
                KeelException failure = e instanceof SQLException sql && "55006".equals(sql.getSQLState())
                        ? otherSessions(live, "another session connected meanwhile (" + firstLine(e) + ")")
                        : takeFailed(id, live, e);
                try {
                    abandonTake(id, SnapshotProgress.none());
                } catch (RuntimeException cleanup) {
                    failure.addSuppressed(cleanup);
                }
                throw failure;
            }
        } catch (SQLException e) {
            throw takeFailed(id, live, e);
        }
    }

    private static String createStatement(String copy, String live, Facts facts, int version) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(quote(copy))
                .append(" TEMPLATE ").append(quote(live))
                .append(" OWNER ").append(quote(facts.owner()))
                .append(" CONNECTION LIMIT ").append(Math.max(-1, facts.connectionLimit()))
                .append(" ALLOW_CONNECTIONS false");
        if (version >= 150_000) {
            // FILE_COPY: a checkpoint and a copy of the files; the default WAL_LOG writes the whole database to
            // the WAL and measured twice as slow on a 1 GiB database (docs/benchmarks-snapshots.md).
            sql.append(" STRATEGY FILE_COPY");
        }
        return sql.toString();
    }

    /**
     * Waits a moment for sessions that are just ending (Keel's own pool, closed a moment ago), then refuses while
     * any other session or prepared transaction uses the database: nothing has been created yet.
     */
    private void awaitNoOtherSessions(MaintenanceSession session, String live) throws SQLException {
        // Autovacuum workers are not counted: CREATE DATABASE ends them itself.
        String sql = "SELECT pid, coalesce(application_name, '') AS application FROM pg_stat_activity "
                + "WHERE datname = ? AND pid <> pg_backend_pid()"
                + (session.version() >= 100_000 ? " AND backend_type IS DISTINCT FROM 'autovacuum worker'" : "")
                + " ORDER BY backend_start";
        long deadline = System.nanoTime() + SESSIONS_WAIT_MILLIS * 1_000_000;
        while (true) {
            List<Row> others = session.query(sql, live);
            long prepared = session.one("SELECT count(*) AS n FROM pg_prepared_xacts WHERE database = ?", live)
                    .flatMap(r -> r.number("n")).orElse(0L);
            if (others.isEmpty() && prepared == 0) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                List<String> shown = others.stream().limit(3).map(r -> "pid " + r.number("pid").orElse(0L)
                        + r.text("application").filter(a -> !a.isBlank()).map(a -> " (" + a + ")").orElse(""))
                        .toList();
                String what = others.size() + " other session" + (others.size() == 1 ? " is" : "s are")
                        + " connected to it" + (shown.isEmpty() ? "" : ": " + String.join(", ", shown)
                        + (others.size() > shown.size() ? ", …" : ""))
                        + (prepared == 0 ? "" : "; " + prepared + " prepared transaction" + (prepared == 1 ? "" : "s")
                                + " use it");
                throw otherSessions(live, what);
            }
            sleep(POLL_MILLIS);
        }
    }

    private KeelException otherSessions(String live, String what) {
        return KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                "PostgreSQL copies database " + live + " (CREATE DATABASE … TEMPLATE) only while no other session "
                        + "uses it, but " + what + "; nothing was created.",
                "Stop the application and other clients of " + live + " and try again, or use "
                        + "snapshot.options.method: directory (copies the data directory with the server stopped).");
    }

    /**
     * Refuses a copy that would not fit on the disk of the database's tablespace, when that disk can be seen from
     * here (the server runs on this host and its data directory is readable); otherwise says why it was skipped.
     */
    private String checkSpace(MaintenanceSession session, Facts facts, String live, long size) {
        Optional<Path> dataDirectory = options.dataDirectory();
        if (dataDirectory.isEmpty()) {
            try {
                dataDirectory = session.one("SELECT current_setting('data_directory') AS dir")
                        .flatMap(r -> r.text("dir")).map(Path::of);
            } catch (SQLException notAllowed) {
                return "skipped: the data directory is not visible to this role (" + message(notAllowed) + ")";
            }
        }
        if (dataDirectory.isEmpty() || !isThisServer(dataDirectory.get(), session)) {
            return "skipped: the server's data directory " + dataDirectory.map(Path::toString).orElse("")
                    + " is not a readable folder of a server on this host";
        }
        Path target = facts.tablespaceLocation().filter(l -> !l.isBlank()).map(Path::of)
                .orElse(dataDirectory.get().resolve("base"));
        long usable;
        try {
            usable = Files.getFileStore(target).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return "skipped: cannot read the free space of " + target + " (" + message(e) + ")";
        }
        long needed = SpaceCheck.needed(size);
        if (usable < needed) {
            throw KeelException.of(ErrorCode.SNAPSHOT_NO_SPACE,
                    "A template snapshot of PostgreSQL database " + live + " needs about "
                            + SpaceCheck.megabytes(needed) + " in " + target + " (the server writes the copy beside "
                            + "the database), but that disk has only " + SpaceCheck.megabytes(usable) + " free; nothing "
                            + "was created.",
                    "Free " + SpaceCheck.megabytes(needed - usable) + " or more on that disk, or use "
                            + "snapshot.options.method: directory with snapshot.directory on a disk with more room.");
        }
        return "checked: " + SpaceCheck.megabytes(usable) + " free in " + target + ", " + SpaceCheck.megabytes(needed)
                + " needed";
    }

    /** Whether the data directory's pid file names a live PostgreSQL process listening on the server's port. */
    private static boolean isThisServer(Path dataDirectory, MaintenanceSession session) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            OptionalLong pid = ServerFamily.POSTGRES.runningPid(pidFile);
            String port = session.one("SELECT current_setting('port') AS port").flatMap(r -> r.text("port")).orElse("");
            // postmaster.pid: PID, data directory, start time, port, …
            return pid.isPresent() && lines.size() > 3 && lines.get(3).strip().equals(port);
        } catch (IOException | SQLException | RuntimeException notHere) {
            return false;
        }
    }

    private KeelException takeFailed(String id, String live, Exception cause) {
        return new KeelException(Problem.of(ErrorCode.SNAPSHOT_TAKE_FAILED,
                "Taking snapshot " + id + " of PostgreSQL database " + live + " (CREATE DATABASE … TEMPLATE) failed: "
                        + message(cause) + ".",
                "The database " + live + " was not changed and the server keeps running. Fix the cause and try "
                        + "again."), cause);
    }

    // ------------------------------------------------------------------------------------------ restore

    @Override
    public void restore(Snapshot snapshot, SnapshotProgress progress) {
        String id = SnapshotFolder.checkId(snapshot.id());
        String copy = snapshotDatabase(id);
        Optional<Map<String, String>> properties = folder.properties(id);
        if (properties.isPresent() && !KIND.equals(properties.get().get("kind"))) {
            throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                    "Snapshot " + id + " is not a template snapshot of a PostgreSQL database (it was taken with "
                            + "another filecopy method); nothing was changed.",
                    "Restore it with the configuration it was taken with (snapshot.options.method).");
        }
        String live = restoreTarget(id, properties);
        context.closeConnections();
        try (MaintenanceSession session = open(live)) {
            boolean copyExists = session.databaseExists(copy);
            boolean liveExists = session.databaseExists(live);
            if (properties.isEmpty()) {
                // The folder goes last: with it gone and the copy renamed, an earlier call finished the restore.
                if (!copyExists && liveExists) {
                    return;
                }
                throw KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                        "Snapshot " + id + " is not in " + folder.root() + ".",
                        "Choose a snapshot that 'keel snapshot list' shows.");
            }
            Path started = folder.complete(id).resolve(RESTORE_STARTED);
            if (copyExists) {
                progress.update(SnapshotPhase.SWAPPING, 0, 0);
                SnapshotFiles.writeProperties(started, Map.of("startedAt", Instant.now().toString()),
                        SnapshotFolder.WRITTEN_BY);
                if (liveExists) {
                    drop(session, live);
                }
                session.execute("ALTER DATABASE " + quote(copy) + " RENAME TO " + quote(live));
            } else if (!Files.exists(started, LinkOption.NOFOLLOW_LINKS)) {
                throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                        "The database " + copy + " of snapshot " + id + " is no longer on the PostgreSQL server "
                                + "(dropped outside Keel); " + live + " was not changed.",
                        "Choose another snapshot ('keel snapshot list'); this one can only be discarded.");
            } else if (!liveExists) {
                throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                        "Neither " + live + " nor the snapshot database " + copy + " of snapshot " + id + " is on the "
                                + "PostgreSQL server, though the restore had only dropped the one and renamed the "
                                + "other; something else dropped it.",
                        "Restore " + live + " from a backup.");
            }
            // The copy was made unconnectable so that nothing changes it; the restored database is opened again.
            if (Boolean.parseBoolean(properties.get().getOrDefault("allowConnections", "true"))) {
                boolean allowed = session.one("SELECT datallowconn AS allowed FROM pg_database WHERE datname = ?", live)
                        .flatMap(r -> r.text("allowed")).map(Boolean::parseBoolean).orElse(true);
                if (!allowed) {
                    session.execute("ALTER DATABASE " + quote(live) + " ALLOW_CONNECTIONS true");
                }
            }
            progress.update(SnapshotPhase.DELETING, 0, 0);
            folder.discard(id);
        } catch (SQLException | IOException e) {
            throw restoreFailed(id, live, e);
        }
    }

    /** The database a snapshot is restored into: the one it was taken of, which must be the configured one. */
    private String restoreTarget(String id, Optional<Map<String, String>> properties) {
        Optional<String> recorded = properties.map(p -> p.get("database")).filter(d -> !d.isBlank());
        String configured;
        try {
            configured = liveDatabase();
        } catch (KeelException unknown) {
            // Only when the URL names no database and the server cannot say (its database is dropped): the record.
            return recorded.orElseThrow(() -> unknown);
        }
        if (recorded.isPresent() && !recorded.get().equals(configured)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                    "Snapshot " + id + " is a copy of PostgreSQL database " + recorded.get() + ", not of " + configured
                            + "; nothing was changed.",
                    "Restore it with the database URL it was taken with, or choose another snapshot.");
        }
        return configured;
    }

    /** Drops the live database, ending its sessions first. */
    private static void drop(MaintenanceSession session, String live) throws SQLException {
        if (session.version() >= 130_000) {
            session.execute("DROP DATABASE " + quote(live) + " WITH (FORCE)");
            return;
        }
        for (int attempt = 1; ; attempt++) {
            session.query("SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity "
                    + "WHERE datname = ? AND pid <> pg_backend_pid()", live);
            try {
                session.execute("DROP DATABASE " + quote(live));
                return;
            } catch (SQLException e) {
                // 55006: a session was still ending (or had just connected); end it again.
                if (!"55006".equals(e.getSQLState()) || attempt >= 20) {
                    throw e;
                }
                sleep(POLL_MILLIS * 2);
            }
        }
    }

    private KeelException restoreFailed(String id, String live, Exception cause) {
        return KeelException.of(ErrorCode.SNAPSHOT_RESTORE_FAILED,
                "Restoring snapshot " + id + " into PostgreSQL database " + live + " failed: " + message(cause) + ".",
                "Fix the cause and run the restore again ('keel snapshot restore " + id + "'): it continues from "
                        + "where it stopped. Until then the snapshot is kept as database " + snapshotDatabase(id)
                        + " on the server (unless it was already renamed to " + live + ").");
    }

    // ------------------------------------------------------------------------------------------ the rest

    @Override
    public void discard(Snapshot snapshot) {
        String id = SnapshotFolder.checkId(snapshot.id());
        try {
            Optional<Map<String, String>> properties = folder.properties(id);
            if (properties.isPresent() && KIND.equals(properties.get().get("kind"))) {
                // The database first, the folder last: a crash in between leaves a folder that is no longer listed,
                // never a database nothing points to.
                String recorded = properties.get().getOrDefault("database", "postgres");
                try (MaintenanceSession session = open(liveDatabaseOr(recorded))) {
                    session.execute("DROP DATABASE IF EXISTS " + quote(snapshotDatabase(id)));
                }
            }
            folder.discard(id);
        } catch (IOException | SQLException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot delete snapshot " + id + " (database " + snapshotDatabase(id) + ", folder "
                            + folder.complete(id) + "): " + message(e) + ".",
                    "Make the PostgreSQL server reachable and discard it again; the snapshot is kept until then.");
        }
    }

    @Override
    public List<Snapshot> list() {
        if (!Files.isDirectory(folder.root())) {
            // Nothing taken yet: no need to reach the server.
            return List.of();
        }
        String live = liveDatabase();
        Set<String> databases = new HashSet<>();
        try (MaintenanceSession session = open(live)) {
            for (Row row : session.query("SELECT datname FROM pg_database WHERE left(datname, ?) = ?",
                    PREFIX.length(), PREFIX)) {
                row.text("datname").ifPresent(databases::add);
            }
        } catch (SQLException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot ask the PostgreSQL server which snapshot databases of " + live + " exist: " + message(e)
                            + ".",
                    "Start the server (or make it reachable) and list the snapshots again.");
        }
        return folder.list(dir -> {
            try {
                Map<String, String> values = SnapshotFiles.readProperties(dir.resolve(SnapshotFolder.PROPERTIES));
                return KIND.equals(values.get("kind")) && live.equals(values.get("database"))
                        && databases.contains(snapshotDatabase(dir.getFileName().toString()));
            } catch (IOException | RuntimeException unreadable) {
                return false;
            }
        });
    }

    @Override
    public void abandonTake(String id, SnapshotProgress progress) {
        Path partial = folder.partial(id);
        if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String copy = snapshotDatabase(id);
        progress.update(SnapshotPhase.DELETING, 0, 0);
        try (MaintenanceSession session = open(liveDatabaseOr("postgres"))) {
            endUnfinishedCreate(session, copy);
            session.execute("DROP DATABASE IF EXISTS " + quote(copy));
            folder.deletePartial(id);
        } catch (SQLException | IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot undo the unfinished snapshot " + id + " (database " + copy + ", folder " + partial + "): "
                            + message(e) + ".",
                    "The protected database was not changed. Make the server reachable and run the keel command "
                            + "again, or drop " + copy + " (DROP DATABASE IF EXISTS) and delete " + partial + " by hand.");
        }
    }

    /**
     * A Keel killed during {@code CREATE DATABASE} leaves the statement running in its server session, which would
     * create the database after this cleanup looked: end that session (and wait until it is gone) first.
     */
    private static void endUnfinishedCreate(MaintenanceSession session, String copy) throws SQLException {
        String statement = "CREATE DATABASE " + quote(copy) + " ";
        String running = "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid() "
                + "AND left(query, ?) = ?";
        List<Row> sessions = session.query(running, MaintenanceSession.APPLICATION, statement.length(), statement);
        if (sessions.isEmpty()) {
            return;
        }
        for (Row row : sessions) {
            session.query("SELECT pg_terminate_backend(?) AS ended", row.number("pid").orElseThrow().intValue());
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!session.query(running, MaintenanceSession.APPLICATION, statement.length(), statement).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new SQLException("the server session still creating " + copy + " did not end within 30 seconds");
            }
            sleep(POLL_MILLIS);
        }
    }

    // ------------------------------------------------------------------------------------------ shared

    /**
     * The snapshot database of an id: {@code keel_snap_} and the id in lower case with anything but letters, digits
     * and {@code _} replaced by {@code _}; a long id is cut and given a hash, to stay within PostgreSQL's 63 bytes.
     */
    static String snapshotDatabase(String id) {
        String plain = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (PREFIX.length() + plain.length() <= MAX_NAME) {
            return PREFIX + plain;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            String suffix = "_" + HexFormat.of().formatHex(hash).substring(0, 12);
            return PREFIX + plain.substring(0, MAX_NAME - PREFIX.length() - suffix.length()) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The protected database: named by the URL, else asked from the server (the driver's default, the user's name). */
    synchronized String liveDatabase() {
        if (liveDatabase != null) {
            return liveDatabase;
        }
        if (!url.database().isEmpty()) {
            liveDatabase = url.database();
            return liveDatabase;
        }
        try (DatabaseSession session = context.openSession()) {
            liveDatabase = session.query("SELECT current_database() AS name").get(0).text("name").orElseThrow();
            return liveDatabase;
        } catch (KeelException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "The database URL " + context.displayUrl() + " names no database and the server cannot be asked "
                            + "which one it is: " + e.problems().get(0).what(),
                    "Name the database in the URL (jdbc:postgresql://HOST:PORT/DATABASE).");
        }
    }

    private String liveDatabaseOr(String fallback) {
        try {
            return liveDatabase();
        } catch (KeelException unknown) {
            return fallback;
        }
    }

    private MaintenanceSession open(String live) throws SQLException {
        try {
            return MaintenanceSession.open(url, live, context.user(), context.password());
        } catch (SQLException e) {
            String shown = displayHead + (live.equals("postgres") ? "template1" : "postgres");
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot connect to the maintenance database of the PostgreSQL server (" + shown + "): "
                            + message(e) + ". The template method creates, drops and renames databases from there.",
                    "Make the server reachable with the configured user and password (or those in the URL, or "
                            + "~/.pgpass), and let that role connect to 'postgres' or 'template1'. Otherwise use "
                            + "snapshot.options.method: directory.");
        }
    }

    /** What the server says about the role and the database, read once per operation. */
    private record Facts(String role, boolean superuser, boolean createdb, boolean exists, boolean owns, String owner,
            int connectionLimit, boolean allowConnections, Optional<String> tablespaceLocation) {
    }

    private static Facts facts(MaintenanceSession session, String live) throws SQLException {
        Row row = session.one("SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolcreatedb AS createdb, "
                + "d.datname IS NOT NULL AS found, coalesce(pg_has_role(d.datdba, 'USAGE'), false) AS owns, "
                + "pg_get_userbyid(d.datdba) AS owner, d.datconnlimit AS connlimit, d.datallowconn AS allowconn, "
                + "pg_tablespace_location(d.dattablespace) AS location "
                + "FROM pg_roles r LEFT JOIN pg_database d ON d.datname = ? WHERE r.rolname = current_user", live)
                .orElseThrow(() -> new SQLException("the current role is not in pg_roles"));
        return new Facts(row.text("role").orElse(""), flag(row, "superuser"), flag(row, "createdb"), flag(row, "found"),
                flag(row, "owns"), row.text("owner").orElse(""), row.number("connlimit").orElse(-1L).intValue(),
                flag(row, "allowconn"), row.text("location"));
    }

    private List<Problem> serverProblems(MaintenanceSession session, Facts facts) {
        String live = liveDatabase();
        List<Problem> problems = new ArrayList<>();
        if (session.version() < FIRST_SUPPORTED) {
            problems.add(unavailable("The template method needs PostgreSQL 9.5 or later (the server reports "
                    + session.version() + ").", "Use snapshot.options.method: directory."));
        }
        if (!facts.exists()) {
            problems.add(unavailable("The PostgreSQL server has no database " + live + " to copy.",
                    "Check the database URL " + context.displayUrl() + "."));
            return problems;
        }
        if (!facts.superuser() && !facts.createdb()) {
            problems.add(unavailable("The role " + facts.role() + " may not create databases (no CREATEDB), which a "
                    + "template snapshot of " + live + " does.",
                    "Give it the right (ALTER ROLE " + quote(facts.role()) + " CREATEDB), or use "
                            + "snapshot.options.method: directory."));
        }
        if (!facts.superuser() && !facts.owns()) {
            problems.add(unavailable("The role " + facts.role() + " does not own database " + live + " (its owner is "
                    + facts.owner() + "); PostgreSQL lets only the owner or a superuser copy, drop and rename it.",
                    "Run Keel as " + facts.owner() + " (or a member of it), or use snapshot.options.method: directory."));
        }
        return problems;
    }

    private List<Problem> folderProblems() {
        Path existing = SnapshotFiles.existingAncestor(folder.root());
        if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return List.of(unavailable("The snapshot folder " + folder.root() + " cannot be created or written ("
                    + existing + " is not a writable folder).",
                    "Make " + existing + " writable for the user running Keel, or use another snapshot folder."));
        }
        return List.of();
    }

    private static boolean flag(Row row, String column) {
        return row.text(column).map(Boolean::parseBoolean).orElse(false);
    }

    private static Problem unavailable(String what, String fix) {
        return Problem.of(ErrorCode.SNAPSHOT_UNAVAILABLE, what, fix);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the PostgreSQL server", e);
        }
    }

    private static String firstLine(Throwable e) {
        return message(e).lines().findFirst().orElse("").strip();
    }

    private static String message(Throwable e) {
        if (e instanceof KeelException k && !k.problems().isEmpty()) {
            return k.problems().get(0).what();
        }
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text.strip();
    }
}
