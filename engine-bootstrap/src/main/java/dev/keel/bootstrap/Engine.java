package dev.keel.bootstrap;

import dev.keel.bootstrap.config.KeelSettings;
import dev.keel.bootstrap.plugin.DiscoveredProviders;
import dev.keel.bootstrap.source.ClasspathMigrationSource;
import dev.keel.bootstrap.source.DirectoryMigrationSource;
import dev.keel.core.migrate.MigrateRequest;
import dev.keel.core.migrate.Migrator;
import dev.keel.core.migrate.Planner;
import dev.keel.core.migrate.RunIdentity;
import dev.keel.core.repair.HistoryRepairer;
import dev.keel.core.source.MigrationReader;
import dev.keel.core.source.ReadResult;
import dev.keel.core.source.ReaderSettings;
import dev.keel.core.validate.HistoryReconciler;
import dev.keel.core.validate.Reconciliation;
import dev.keel.jdbc.ConnectionPool;
import dev.keel.jdbc.JdbcDatabaseSession;
import dev.keel.jdbc.MaskedUrl;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.dialect.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.RunStarted;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.SchemaDrift;
import dev.keel.spi.migration.StatusReport;
import dev.keel.spi.migration.ValidationReport;
import dev.keel.spi.migration.Version;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.Set;

/**
 * Does the work behind the {@link Keel} facade: reads migration files, opens the database through the
 * chosen dialect, and runs the core services. Created once per {@code Keel} by Guice.
 */
final class Engine implements AutoCloseable {

    private final KeelSettings settings;
    private final DiscoveredProviders providers;
    private final ConnectionTarget target;
    private final KeelListener listener;
    private final Clock clock;
    private final ClassLoader classLoader;
    private final MaintenanceFlag maintenance;
    private ConnectionPool pool;
    private DialectProvider dialectProvider;

    Engine(KeelSettings settings, DiscoveredProviders providers, ConnectionTarget target, KeelListener listener,
            Clock clock, ClassLoader classLoader) {
        this.settings = settings;
        this.providers = providers;
        this.target = target;
        this.listener = listener;
        this.clock = clock;
        this.classLoader = classLoader;
        this.maintenance = new MaintenanceFlag(settings.workDirectory());
    }

    KeelSettings settings() {
        return settings;
    }

    MigrationReport migrate(MigrateOptions options) {
        // Files are read on another thread while this one connects, takes the lock and reads history.
        CompletableFuture<Files> reading = readFilesInBackground();
        Supplier<List<MigrationScript>> files = () -> joined(reading).orThrow();
        try (Connected c = connect()) {
            if (options.dryRun()) {
                return migrator(c, listener).migrate(files, request(options));
            }
            // The maintenance flag goes up once this run holds the lock (RunStarted), not while it waits for it.
            boolean[] raised = {false};
            KeelListener raising = event -> {
                if (event instanceof RunStarted && !raised[0]) {
                    maintenance.raise();
                    raised[0] = true;
                }
                listener.on(event);
            };
            try {
                return migrator(c, raising).migrate(files, request(options));
            } finally {
                if (raised[0]) {
                    maintenance.lower();
                }
            }
        }
    }

    private CompletableFuture<Files> readFilesInBackground() {
        dialectProvider(); // resolve the URL and dialect on this thread, so configuration errors surface here
        CompletableFuture<Files> reading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                reading.complete(readFiles());
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e);
            }
        }, "keel-read-migrations");
        reader.setDaemon(true);
        reader.start();
        return reading;
    }

    private static Files joined(CompletableFuture<Files> reading) {
        try {
            return reading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    MigrationPlan plan(MigrateOptions options) {
        List<MigrationScript> files = readFiles().orThrow();
        try (Connected c = connect()) {
            return migrator(c, listener).plan(files, request(options));
        }
    }

    StatusReport status() {
        Files read = readFiles();
        try (Connected c = connect()) {
            List<AppliedMigration> rows = c.history().readAll();
            Reconciliation reconciliation = new HistoryReconciler(settings.outOfOrder()).reconcile(read.scripts(), rows, read.unusable());
            List<Problem> problems = new ArrayList<>(read.problems());
            problems.addAll(reconciliation.problems());
            return new StatusReport(c.session().displayUrl(), c.dialect().id(), reconciliation.current(),
                    reconciliation.states(), problems, drift(c, rows));
        }
    }

    ValidationReport validate() {
        Files read = readFiles();
        try (Connected c = connect()) {
            List<AppliedMigration> rows = c.history().readAll();
            Reconciliation reconciliation = new HistoryReconciler(settings.outOfOrder()).reconcile(read.scripts(), rows, read.unusable());
            List<Problem> problems = new ArrayList<>(read.problems());
            problems.addAll(reconciliation.problems());
            if (problems.isEmpty()) {
                // The statements of pending files must split and be allowed where they run, as migrate will check.
                try {
                    new Planner(c.dialect(), c.session().serverInfo())
                            .plan(reconciliation.pending(), read.scripts(), MigrateRequest.all(), reconciliation.resumable());
                } catch (KeelException e) {
                    problems.addAll(e.problems());
                }
            }
            int applied = (int) rows.stream().filter(AppliedMigration::isApplied).count();
            return new ValidationReport(read.scripts().size(), applied, reconciliation.pending().size(), problems);
        }
    }

    RepairReport repair() {
        List<MigrationScript> files = readFiles().orThrow();
        try (Connected c = connect(); DatabaseLock.Held lock = c.dialect().lock(c.session()).acquire(settings.lockTimeout())) {
            if (!c.history().exists()) {
                return new RepairReport(List.of());
            }
            return new RepairReport(new HistoryRepairer(c.history()).repair(files));
        }
    }

    AppliedMigration baseline(String version, String description) {
        if (!Version.isValid(version)) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "'" + version + "' is not a version.",
                    "Pass digits, optionally dotted, e.g. --version 7 or --version 1.2.");
        }
        try (Connected c = connect(); DatabaseLock.Held lock = c.dialect().lock(c.session()).acquire(settings.lockTimeout())) {
            MigrationHistory history = c.history();
            history.ensureExists();
            List<AppliedMigration> rows = history.readAll();
            if (rows.stream().anyMatch(r -> r.isApplied())) {
                throw KeelException.of(ErrorCode.BASELINE_NOT_EMPTY,
                        "History table " + history.tableName() + " already records applied migrations; a baseline is for a"
                                + " database Keel has not migrated yet.",
                        "Run 'keel status' to see where the database stands; baseline only an unmanaged database.");
            }
            int rank = rows.stream().mapToInt(AppliedMigration::rank).max().orElse(0) + 1;
            AppliedMigration row = new AppliedMigration(rank, Version.parse(version), description, "<< baseline >>",
                    Checksum.of(""), Optional.empty(), MigrationStatus.BASELINE, clock.instant(), identity().appliedBy(), 0,
                    0, 0, Optional.empty(), Optional.empty(), Optional.empty(), identity().engineVersion(), Optional.empty(),
                    List.of(), Optional.empty());
            history.insert(row);
            return row;
        }
    }

    /** Compares the schema with the fingerprint recorded after the last successful run, when there is one. */
    private static Optional<SchemaDrift> drift(Connected c, List<AppliedMigration> rows) {
        Optional<AppliedMigration> last = rows.stream()
                .filter(r -> r.status() == MigrationStatus.SUCCESS)
                .max(java.util.Comparator.comparingInt(AppliedMigration::rank));
        if (last.isEmpty() || last.get().schemaFingerprint().isEmpty()) {
            return Optional.empty();
        }
        String recorded = last.get().schemaFingerprint().get();
        String current = c.dialect().fingerprint(c.session(), c.history().tableName()).hash();
        return recorded.equals(current)
                ? Optional.empty()
                : Optional.of(new SchemaDrift(last.get().version().text(), recorded, current));
    }

    Path newMigration(String description) {
        String first = settings.migrations().get(0);
        if (first.startsWith("classpath:")) {
            throw KeelException.of(ErrorCode.OPTION_INVALID,
                    "The first migrations location is " + first + "; keel new writes only into a directory.",
                    "Pass --migrations DIR to choose the folder to write into.");
        }
        Path directory = settings.baseDirectory().resolve(first).normalize();
        return new NewMigrationWriter(clock).write(directory, versionsNamedIn(directory), description,
                settings.newMigrationStyle(), identity().appliedBy());
    }

    /**
     * The leading version numbers of the file names in a folder ({@code 0007_…}, {@code V7__…}, {@code U7__…}), whether
     * or not the files are valid yet: a fresh, unfinished file still takes its number. Needs no database.
     */
    private static List<Version> versionsNamedIn(Path directory) {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return List.of();
        }
        java.util.regex.Pattern leading = java.util.regex.Pattern.compile("^[VU]?(\\d+)[._]");
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(directory)) {
            return entries.map(p -> leading.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::find)
                    .map(m -> Version.parse(m.group(1)))
                    .toList();
        } catch (java.io.IOException e) {
            throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                    "Cannot list " + directory + ": " + e.getMessage(), "Make the folder readable.");
        }
    }

    /**
     * Lints files without a database: the dialect comes from the request or the configured URL (no connection is
     * opened; the provider's dialect is created only for its statement splitter), the parser and rules from the
     * discovered rule providers, so plugins take part.
     */
    LintReport lint(LintRequest request) {
        DialectProvider provider = request.dialect().map(this::dialectNamed).orElseGet(this::dialectProvider);
        Dialect dialect = provider.create(lintContext(provider));
        Optional<dev.keel.spi.ServerInfo> server = request.targetVersion().map(v -> targetServer(provider.id(), v));
        Linter linter = new Linter(analyzer(), providers.rules().stream().flatMap(p -> p.rules().stream()).toList());
        List<LintReport.FileLint> linted = new ArrayList<>();
        if (request.files().isEmpty()) {
            for (MigrationScript script : readFiles(provider.id()).orThrow()) {
                linted.add(linter.lint(script.location(),
                        dialect.splitter().split(script.sql(), script.location(), script.firstLine()), provider.id(),
                        server, script.transactionMode()));
            }
        } else {
            for (Path file : request.files()) {
                linted.add(lintFile(file, provider, dialect, server, linter));
            }
        }
        return new LintReport(provider.id(), server, linted, linter.rules());
    }

    /**
     * One named file: read as a migration (UP part, transaction mode) when its name makes it one, else linted whole
     * as one script.
     */
    private LintReport.FileLint lintFile(Path file, DialectProvider provider, Dialect dialect,
            Optional<dev.keel.spi.ServerInfo> server, Linter linter) {
        Path path = file.isAbsolute() ? file : settings.baseDirectory().resolve(file).normalize();
        String shown = file.toString();
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw KeelException.of(ErrorCode.FILE_UNREADABLE, "Cannot read " + shown + ": " + e.getMessage(),
                    "Check the path and that the file is readable.");
        }
        dev.keel.spi.migration.SourceFile source = new dev.keel.spi.migration.SourceFile() {
            @Override
            public String relativeName() {
                return path.getFileName().toString();
            }

            @Override
            public String displayName() {
                return shown;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read() {
                return bytes.clone();
            }
        };
        MigrationSource single = new MigrationSource() {
            @Override
            public String location() {
                return shown;
            }

            @Override
            public List<dev.keel.spi.migration.SourceFile> files() {
                return List.of(source);
            }
        };
        Map<String, String> aliases = new HashMap<>(ReaderSettings.defaults(provider.id()).dialectAliases());
        ReadResult read = new MigrationReader(new ReaderSettings(provider.id(), aliases, settings.maxFileBytes()))
                .read(List.of(single));
        if (read.migrations().size() == 1) {
            MigrationScript script = read.migrations().get(0);
            return linter.lint(shown, dialect.splitter().split(script.sql(), shown, script.firstLine()), provider.id(),
                    server, script.transactionMode());
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return linter.lint(shown, dialect.splitter().split(text, shown, 1), provider.id(), server,
                dev.keel.spi.migration.TransactionMode.TRANSACTIONAL);
    }

    private DialectProvider dialectNamed(String name) {
        String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
        return providers.dialects().stream()
                .filter(p -> p.id().equals(wanted) || p.aliases().contains(wanted))
                .findFirst()
                .orElseThrow(() -> KeelException.of(ErrorCode.OPTION_INVALID, "No dialect is named '" + name + "'.",
                        "Pass one of " + providers.dialects().stream().map(DialectProvider::id).toList() + "."));
    }

    /** The context a dialect is created with for lint: the configured URL when it is this dialect's, else none. */
    private DialectContext lintContext(DialectProvider provider) {
        String url = target.dataSource().isEmpty()
                ? settings.url().filter(provider::accepts).orElse("jdbc:" + provider.id() + ":")
                : "jdbc:" + provider.id() + ":";
        Duration timeout = settings.lockTimeout();
        return new DialectContext() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration lockTimeout() {
                return timeout;
            }
        };
    }

    /** A configured target version ({@code 15}, {@code 10.11}, {@code 3.45.1}) as the server rules assume. */
    private static dev.keel.spi.ServerInfo targetServer(String dialect, String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)*").matcher(version.trim());
        if (!m.matches()) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "Target version '" + version + "' is not a version.",
                    "Pass the server's version as digits, e.g. --target-version 15 or --target-version 10.11.");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String product = switch (dialect) {
            case "postgres" -> "PostgreSQL";
            case "sqlite" -> "SQLite";
            // MySQL's versions are 5.x, 8.x, 9.x; MariaDB's are 10.x and later.
            case "mysql" -> major >= 10 ? "MariaDB" : "MySQL";
            default -> dialect;
        };
        return new dev.keel.spi.ServerInfo(product, version.trim(), major, minor);
    }

    /** The first statement analyzer offered by a discovered rule provider (Keel's built-in one normally). */
    private dev.keel.spi.rule.StatementAnalyzer analyzer() {
        return providers.rules().stream()
                .flatMap(p -> p.analyzer().stream())
                .findFirst()
                .orElseThrow(() -> KeelException.of(ErrorCode.CONFIG_INVALID,
                        "No rule provider offers a statement analyzer, so nothing can be linted.",
                        "Put keel-rules on the classpath (the keel distribution ships it)."));
    }

    DoctorReport doctor() {
        return new Doctor(settings, providers, this::readFiles, this::connect).run();
    }

    boolean isMigrationInProgress() {
        return maintenance.isRaised();
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    // --- wiring of one operation -------------------------------------------------------------

    /** The files read for the dialect, with the problems found in them. */
    record Files(List<MigrationScript> scripts, List<Problem> problems, Set<String> unusable) {
        List<MigrationScript> orThrow() {
            if (!problems.isEmpty()) {
                throw new KeelException(problems);
            }
            return scripts;
        }
    }

    /** An open session with its dialect and history table. */
    record Connected(DatabaseSession session, Dialect dialect, MigrationHistory history) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
        }
    }

    Files readFiles() {
        return readFiles(dialectProvider().id());
    }

    private Files readFiles(String dialectId) {
        // The built-in families' names stay known even when a provider is absent, so their variants are skipped.
        Map<String, String> aliases = new HashMap<>(ReaderSettings.defaults(dialectId).dialectAliases());
        for (DialectProvider p : providers.dialects()) {
            aliases.put(p.id(), p.id());
            p.aliases().forEach(a -> aliases.put(a, p.id()));
        }
        List<MigrationSource> sources = new ArrayList<>();
        for (String location : settings.migrations()) {
            sources.add(location.startsWith("classpath:")
                    ? new ClasspathMigrationSource(classLoader, location.substring("classpath:".length()))
                    : new DirectoryMigrationSource(settings.baseDirectory().resolve(location).normalize(), location));
        }
        ReadResult result = new MigrationReader(new ReaderSettings(dialectId, aliases, settings.maxFileBytes()))
                .read(sources);
        // A migrations location that cannot be listed is a configuration error, whatever the command.
        List<Problem> locationProblems = result.problems().stream()
                .filter(p -> p.code() == ErrorCode.MIGRATIONS_LOCATION_MISSING)
                .toList();
        if (!locationProblems.isEmpty()) {
            throw new KeelException(locationProblems);
        }
        return new Files(result.migrations(), result.problems(), result.unusableFiles());
    }

    Connected connect() {
        DialectProvider provider = dialectProvider();
        Dialect dialect = provider.create(dialectContext());
        JdbcDatabaseSession session = pool(dialect).open();
        try {
            return new Connected(session, dialect, dialect.history(session, settings.historyTable()));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private Migrator migrator(Connected c, KeelListener listener) {
        return new Migrator(c.dialect(), c.session(), c.history(), listener, clock, identity(), settings.lockTimeout(),
                settings.outOfOrder());
    }

    private static MigrateRequest request(MigrateOptions options) {
        Optional<Version> version = options.target().map(t -> {
            if (!Version.isValid(t)) {
                throw KeelException.of(ErrorCode.OPTION_INVALID, "Target '" + t + "' is not a version.",
                        "Pass digits, optionally dotted, e.g. --target 7 or --target 1.2.");
            }
            return Version.parse(t);
        });
        return new MigrateRequest(version, options.dryRun(), options.atomic());
    }

    private RunIdentity identity() {
        return new RunIdentity(System.getProperty("user.name", "unknown"), KeelVersion.current());
    }

    private DialectContext dialectContext() {
        String url = url();
        Duration timeout = settings.lockTimeout();
        return new DialectContext() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration lockTimeout() {
                return timeout;
            }
        };
    }

    private synchronized ConnectionPool pool(Dialect dialect) {
        if (pool == null) {
            pool = target.dataSource()
                    .map(ds -> ConnectionPool.forDataSource(ds, MaskedUrl.of(url()).text()))
                    .orElseGet(() -> ConnectionPool.forUrl(url(), dialect.driverUrl(url()), settings.user(), settings.password(),
                            dialect.connectionProperties()));
        }
        return pool;
    }

    private String url() {
        if (target.dataSource().isPresent()) {
            try (Connection connection = target.dataSource().get().getConnection()) {
                return connection.getMetaData().getURL();
            } catch (SQLException e) {
                throw KeelException.of(ErrorCode.DATABASE_UNREACHABLE,
                        "Cannot connect through the given DataSource: " + e.getMessage(),
                        "Check the DataSource's configuration and that the database is running.");
            }
        }
        return settings.url().orElseThrow(() -> KeelException.of(ErrorCode.CONFIG_INVALID,
                "No database URL is configured.",
                "Pass --url (e.g. --url jdbc:sqlite:app.db), set KEEL_URL, or write 'url:' in keel.yaml."));
    }

    private synchronized DialectProvider dialectProvider() {
        if (dialectProvider == null) {
            String url = url();
            dialectProvider = providers.dialects().stream()
                    .filter(p -> p.accepts(url))
                    .findFirst()
                    .orElseThrow(() -> KeelException.of(ErrorCode.URL_UNSUPPORTED,
                            "No dialect handles " + MaskedUrl.of(url) + ".",
                            "Use a jdbc:sqlite:, jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb: URL (dialects found: "
                                    + providers.dialects().stream().map(DialectProvider::id).toList() + ")."));
        }
        return dialectProvider;
    }
}
