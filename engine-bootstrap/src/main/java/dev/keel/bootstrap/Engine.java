package dev.keel.bootstrap;

import dev.keel.bootstrap.config.KeelSettings;
import dev.keel.bootstrap.protect.AuditLog;
import dev.keel.bootstrap.protect.CrashRecovery;
import dev.keel.bootstrap.protect.PostMigrationHooks;
import dev.keel.bootstrap.protect.RunJournal;
import dev.keel.bootstrap.protect.RunSteps;
import dev.keel.bootstrap.protect.SnapshotOperations;
import dev.keel.bootstrap.protect.SnapshotSession;
import dev.keel.bootstrap.protect.WorkspaceLock;
import dev.keel.bootstrap.plugin.DiscoveredProviders;
import dev.keel.bootstrap.source.ClasspathMigrationSource;
import dev.keel.bootstrap.source.DirectoryMigrationSource;
import dev.keel.core.migrate.MigrateRequest;
import dev.keel.core.migrate.Migrator;
import dev.keel.core.migrate.Planner;
import dev.keel.core.migrate.RunIdentity;
import dev.keel.core.repair.HistoryRepairer;
import dev.keel.core.rollback.DataLossEstimator;
import dev.keel.core.rollback.RollbackPlanner;
import dev.keel.core.rollback.RollbackRequest;
import dev.keel.core.rollback.RollbackRunner;
import dev.keel.core.rollback.StatementReview;
import dev.keel.core.source.MigrationReader;
import dev.keel.core.source.ReadResult;
import dev.keel.core.source.ReaderSettings;
import dev.keel.core.source.ScriptAllowances;
import dev.keel.core.validate.HistoryReconciler;
import dev.keel.core.validate.Reconciliation;
import dev.keel.jdbc.ConnectionPool;
import dev.keel.jdbc.JdbcDatabaseSession;
import dev.keel.jdbc.MaskedUrl;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.MigrationFailed;
import dev.keel.spi.event.RunStarted;
import dev.keel.spi.event.StatementApplied;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.RunProtection;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotOptions;
import dev.keel.spi.snapshot.SnapshotStrategy;
import dev.keel.spi.snapshot.SnapshotStrategyProvider;
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
    private final RunJournal journal;
    private final WorkspaceLock workspaceLock;
    private final SnapshotSession session;
    private final RiskGate gate;
    private AuditLog audit;
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
        this.journal = new RunJournal(settings.workDirectory());
        this.workspaceLock = new WorkspaceLock(settings.workDirectory());
        this.session = new SnapshotSession(settings.workDirectory());
        this.gate = new RiskGate(settings.confirmAt(), settings.environment(), this::audit);
    }

    KeelSettings settings() {
        return settings;
    }

    MigrationReport migrate(MigrateOptions options) {
        // rules: is checked before anything runs, so a mistake in it cannot surface after migrations were applied
        configuredRules();
        return applyMigrations(options);
    }

    /**
     * The hook after the migrations of a run were applied, inside the run's protection (so a snapshot also covers the
     * fixes, and post-migration hooks see the fixed schema): when the run applied something, the schema policies check
     * the migrated schema and the packs named in {@code rules.fix} apply their fixes as a recorded migration; the
     * report goes out as an event.
     */
    private MigrationReport afterMigrating(Connected c, KeelListener events, MigrationReport migrated) {
        if (migrated.dryRun() || migrated.applied().isEmpty()) {
            return migrated;
        }
        Version after = migrated.applied().get(migrated.applied().size() - 1).version();
        SchemaPolicyRun run = new SchemaPolicyRun(configuredRules(), c.dialect(), c.session(), c.history().tableName());
        if (run.policies().isEmpty()) {
            return migrated;
        }
        dev.keel.spi.rule.PolicyReport report;
        try {
            report = run.checkAndFix(migrator(c, events), after);
        } catch (KeelException e) {
            audit().record("policy-fix", "failed", Map.of("after", after.text(), "error", e.problems().get(0).what(),
                    "code", e.code().code()));
            throw e;
        }
        recordFixes(after, report);
        if (!report.policies().isEmpty()) {
            events.on(new dev.keel.spi.event.SchemaPolicyChecked("migrate", report));
        }
        return migrated;
    }

    /**
     * The schema policies of this environment on the live schema ({@code keel lint --schema}); with {@code fix}, the
     * packs named in {@code rules.fix} apply their fixes, recorded after the newest applied migration.
     */
    dev.keel.spi.rule.PolicyReport checkSchema(boolean fix) {
        ConfiguredRules rules = configuredRules();
        recoverIfNeeded();
        try (Connected c = connect()) {
            SchemaPolicyRun run = new SchemaPolicyRun(rules, c.dialect(), c.session(), c.history().tableName());
            if (!fix || rules.fixPacks().isEmpty() || run.policies().isEmpty()) {
                return run.check();
            }
            List<AppliedMigration> rows = c.history().exists() ? c.history().readAll() : List.of();
            Version after = rows.stream().filter(r -> r.isApplied() && !r.isPolicyFix()).map(AppliedMigration::version)
                    .max(java.util.Comparator.naturalOrder()).orElse(Version.parse("0"));
            dev.keel.spi.rule.PolicyReport report = run.checkAndFix(migrator(c, listener), after);
            recordFixes(after, report);
            return report;
        }
    }

    /** Policy fixes go to the audit log like a run: which packs, after which migration, how many statements. */
    private void recordFixes(Version after, dev.keel.spi.rule.PolicyReport report) {
        if (!report.fixes().isEmpty()) {
            audit().record("policy-fix", "ok", Map.of("after", after.text(),
                    "scripts", report.fixes().stream().map(dev.keel.spi.migration.AppliedStep::script).toList(),
                    "statements", report.fixes().stream().mapToInt(dev.keel.spi.migration.AppliedStep::statements).sum()));
        }
    }

    private MigrationReport applyMigrations(MigrateOptions options) {
        // Files are read on another thread while this one connects and reads history (the plan asks for them last).
        CompletableFuture<Files> reading = readFilesInBackground();
        Supplier<List<MigrationScript>> files = () -> joined(reading).orThrow();
        if (options.dryRun()) {
            recoverIfNeeded();
            try (Connected c = connect()) {
                MigrationReport report = migrator(c, listener).migrate(files, request(options));
                PendingReview.Reviewed reviewed = review(c).review(report.plan());
                reviewed.failOnErrors();
                return withPlan(report, reviewed.plan().withProtection(protection(report.plan(), options).protection()));
            }
        }
        recoverIfNeeded();
        long started = clock.millis();
        PendingReview.Reviewed reviewed;
        String shownUrl;
        try (Connected c = connect()) {
            reviewed = review(c).review(migrator(c, listener).plan(files, request(options)));
            shownUrl = c.session().displayUrl();
        }
        MigrationPlan preliminary = reviewed.plan();
        // Lint errors and the confirmation gate stop the run before any snapshot, lock wait or change.
        reviewed.failOnErrors();
        if (!preliminary.isEmpty()) {
            gate.pass("migrate", preliminary.risk(), options.confirmation(), () -> migrateSummary(reviewed),
                    Map.of("versions", riskByVersion(preliminary)));
        }
        MigrateRequest request = request(options).approvedBy(locked -> approveLocked(preliminary, locked));
        MigrationReport report = migrate(files, options, request, preliminary, shownUrl, started);
        return withPlan(report, PendingReview.carried(preliminary, report.plan()));
    }

    /** The run of a confirmed, lint-clean plan, with the protection it needs. */
    private MigrationReport migrate(Supplier<List<MigrationScript>> files, MigrateOptions options, MigrateRequest request,
            MigrationPlan preliminary, String shownUrl, long started) {
        if (preliminary.isEmpty()) {
            // Nothing to do: no snapshot, no lock needed to say so, and no second read of history.
            listener.on(new RunStarted("migrate", shownUrl, 0));
            return new MigrationReport(preliminary, List.of(), false, clock.millis() - started);
        }
        boolean snapshotsPossible = !strategyIdFor(options.snapshot()).equals(NO_SNAPSHOT);
        if (!snapshotsPossible && settings.postMigrationHooks().isEmpty()) {
            return unprotectedRun(files, request);
        }
        ChosenProtection chosen = protection(preliminary, options);
        if (chosen.operations().isEmpty()) {
            if (settings.postMigrationHooks().isEmpty()) {
                MigrationReport report = unprotectedRun(files, request);
                return withPlan(report, report.plan().withProtection(chosen.protection()));
            }
            return protectedRun(files, request, preliminary, chosen);
        }
        // Only snapshot work takes the local lock: a run protected by transactions waits on the database's own lock.
        try (WorkspaceLock.Held local = workspaceLock.acquire(settings.lockTimeout())) {
            recoverHeld();
            return protectedRun(files, request, preliminary, chosen);
        }
    }

    /**
     * The plan made under the lock may differ from the one reviewed before it (another run applied some meanwhile):
     * fewer migrations are fine, one that was not reviewed and confirmed stops the run.
     */
    private static void approveLocked(MigrationPlan reviewed, MigrationPlan locked) {
        Set<String> known = new java.util.HashSet<>(reviewed.pending().stream().map(p -> p.script().version().text()).toList());
        List<String> unknown = locked.pending().stream().map(p -> p.script().version().text())
                .filter(v -> !known.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw KeelException.of(ErrorCode.CONFIRMATION_REQUIRED,
                    "While this run waited for the migration lock, the pending migrations changed: " + unknown
                            + " were not reviewed before it; nothing was changed.",
                    "Run 'keel plan' to see what is pending now, then 'keel migrate' again.");
        }
    }

    /** What a gated migrate does, in words: each pending migration with its risk and findings. */
    private static String migrateSummary(PendingReview.Reviewed reviewed) {
        List<String> parts = new ArrayList<>();
        for (PlannedMigration p : reviewed.plan().pending()) {
            String findings = reviewed.findings().getOrDefault(p.script().version().text(), List.of()).stream()
                    .map(f -> f.ruleId() + " at line " + f.location().line())
                    .collect(java.util.stream.Collectors.joining(", "));
            parts.add(p.script().version() + " " + p.script().script() + " (" + p.risk().label()
                    + (findings.isEmpty() ? "" : "; " + findings) + ")");
        }
        return "applies " + String.join(", ", parts) + ".";
    }

    /** {@code {version: risk}} of a plan's pending migrations, for the audit log. */
    private static Map<String, String> riskByVersion(MigrationPlan plan) {
        Map<String, String> risks = new java.util.LinkedHashMap<>();
        plan.pending().forEach(p -> risks.put(p.script().version().text(), p.risk().label()));
        return risks;
    }

    /** The rules as this environment runs them, for the connected server. */
    private PendingReview review(Connected c) {
        // Cached by script checksum and rule set: a migration that keel lint (or an earlier plan) already reviewed
        // costs nothing to review again.
        return new PendingReview(cachingLinter(), c.dialect().id(), c.session().serverInfo(), listener);
    }

    /** Whether a run of this risk needs a confirmation in this environment ({@code confirmAt}). */
    boolean needsConfirmation(dev.keel.spi.Risk risk) {
        return gate.applies(risk);
    }

    /** A run without a snapshot: transactions protect what they can, as the plan says. */
    private MigrationReport unprotectedRun(Supplier<List<MigrationScript>> files, MigrateRequest request) {
        try (Connected c = connect()) {
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
                MigrationReport report = afterMigrating(c, raising, migrator(c, raising).migrate(files, request));
                if (!report.applied().isEmpty()) {
                    audit().record("run", "ok", runDetails(report.plan(), report.applied().size(), Optional.empty()));
                }
                return report;
            } catch (KeelException e) {
                if (raised[0]) {
                    audit().record("run", "failed", Map.of("command", "migrate", "error", e.problems().get(0).what(),
                            "code", e.code().code()));
                }
                throw e;
            } finally {
                if (raised[0]) {
                    maintenance.lower();
                }
            }
        }
    }

    /**
     * The run of SPEC §6 with a snapshot and/or hooks: validate → snapshot → apply → commit (retention) → hooks, each
     * step reported; on failure after the first migration started, the snapshot is restored and verified.
     */
    private MigrationReport protectedRun(Supplier<List<MigrationScript>> files, MigrateRequest request,
            MigrationPlan preliminary, ChosenProtection chosen) {
        Work<MigrationReport> work = new Work<>("migrate", "Applying", preliminary.pending().size(), "migration",
                watching -> {
                    try (Connected c = connect()) {
                        return afterMigrating(c, watching, migrator(c, watching).migrate(files, request));
                    }
                },
                report -> report.applied().size(),
                report -> report.plan().pending().stream().map(p -> p.script().version().text()).toList());
        Protected<MigrationReport> done = underProtection(work, chosen);
        MigrationReport result = withPlan(done.result(), done.result().plan().withProtection(chosen.protection()));
        return done.kept().map(result::withSnapshot).orElse(result);
    }

    /**
     * Work done under protection: what it is called, how many items it has, the body (given the listener to report
     * through), and how to read its result for the steps and the audit log.
     */
    private record Work<T>(String command, String verb, int count, String noun, java.util.function.Function<KeelListener, T> body,
            java.util.function.ToIntFunction<T> doneCount, java.util.function.Function<T, List<String>> versions) {
        String title() {
            return verb + " " + count + " " + noun + (count == 1 ? "" : "s");
        }
    }

    /** A protected result and the snapshot retention kept for it. */
    private record Protected<T>(T result, Optional<Snapshot> kept) {
    }

    /**
     * Runs work under the chosen protection: validate → snapshot → the work → commit (retention) → hooks, each step
     * reported; on failure after the work started changing the database, the snapshot is restored and verified.
     */
    private <T> Protected<T> underProtection(Work<T> work, ChosenProtection chosen) {
        Optional<SnapshotOperations> operations = chosen.operations();
        boolean hooks = !settings.postMigrationHooks().isEmpty();
        List<String> titles = new ArrayList<>(List.of(VALIDATING));
        operations.ifPresent(o -> titles.add(SNAPSHOTTING));
        titles.add(work.title());
        operations.ifPresent(o -> titles.add(COMMITTING));
        if (hooks) {
            titles.add(HOOKS);
        }
        RunSteps steps = new RunSteps(listener, titles);
        steps.start(VALIDATING);
        steps.done(work.count() + " " + work.noun() + (work.count() == 1 ? "" : "s") + ", protection: "
                + chosen.protection().kind().label());
        Optional<Snapshot> snapshot = Optional.empty();
        maintenance.raise();
        try {
            if (operations.isPresent()) {
                steps.start(SNAPSHOTTING);
                try {
                    snapshot = Optional.of(operations.get().take(work.command(), settings.environment(), true));
                } catch (KeelException e) {
                    steps.failed(e.problems().get(0).what());
                    throw e;
                }
                steps.done(snapshot.get().id() + ", " + operations.get().strategy().id() + ", "
                        + humanBytes(snapshot.get().sizeBytes()));
            }
            steps.start(work.title());
            MigrationFailed[] failure = {null};
            boolean[] started = {false};
            KeelListener watching = event -> {
                if (event instanceof dev.keel.spi.event.MigrationStarted || event instanceof StatementApplied) {
                    started[0] = true;
                } else if (event instanceof MigrationFailed f) {
                    failure[0] = f;
                }
                listener.on(event);
            };
            T result;
            try {
                result = work.body().apply(watching);
            } catch (KeelException e) {
                steps.failed(e.problems().get(0).what());
                if (snapshot.isEmpty()) {
                    audit().record("run", "failed", Map.of("command", work.command(), "error", e.problems().get(0).what(),
                            "code", e.code().code()));
                    throw e;
                }
                if (!started[0] && e.code() != ErrorCode.ROLLBACK_FAILED && e.code() != ErrorCode.ROLLBACK_PARTIAL) {
                    // Nothing ran (validation, lock): the database is as the snapshot has it.
                    journal.clear();
                    operations.get().discard(snapshot.get(), "the " + work.command() + " changed nothing");
                    throw e;
                }
                throw restoredAfterFailure(work.command(), operations.get(), snapshot.get(), e, Optional.ofNullable(failure[0]));
            }
            steps.done(work.doneCount().applyAsInt(result) + " done");
            if (operations.isPresent()) {
                steps.start(COMMITTING);
                journal.clear();
                Set<String> held = session.read().map(o -> Set.of(o.snapshotId())).orElse(Set.of());
                List<Snapshot> discarded = operations.get().prune(settings.snapshot().keep(), held);
                String takenId = snapshot.get().id();
                boolean kept = discarded.stream().noneMatch(d -> d.id().equals(takenId));
                steps.done(kept ? "kept snapshot " + takenId + " (keeping the newest " + settings.snapshot().keep() + ")"
                        : "snapshot discarded (keep: " + settings.snapshot().keep() + ")");
                if (!kept) {
                    snapshot = Optional.empty();
                }
            }
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("command", work.command());
            details.put("done", work.doneCount().applyAsInt(result));
            details.put("versions", work.versions().apply(result));
            details.put("protection", chosen.protection().kind().label());
            snapshot.ifPresent(s -> details.put("snapshot", s.id()));
            audit().record("run", "ok", details);
            if (hooks) {
                steps.start(HOOKS);
                try {
                    new PostMigrationHooks(settings.postMigrationHooks(), settings.baseDirectory(), settings.workDirectory(),
                            audit()).run();
                } catch (KeelException e) {
                    steps.failed(e.problems().get(0).what());
                    throw e;
                }
                steps.done(settings.postMigrationHooks().size() + " run");
            }
            return new Protected<>(result, snapshot);
        } finally {
            maintenance.lower();
        }
    }

    private static final String VALIDATING = "Validating migrations";
    private static final String SNAPSHOTTING = "Creating database snapshot";
    private static final String COMMITTING = "Committing (snapshot retention)";
    private static final String HOOKS = "Running post-migration hooks";
    private static final String NO_SNAPSHOT = "none";

    /** Restores the run's snapshot after a failure and says what failed and what was restored (exit 1). */
    private KeelException restoredAfterFailure(String command, SnapshotOperations operations, Snapshot snapshot,
            KeelException failure, Optional<MigrationFailed> failed) {
        closeConnections();
        Problem original = failure.problems().get(0);
        String what = failed.map(f -> "Migration " + f.version() + " (" + f.script() + ") failed at statement "
                + (f.statementIndex() + 1) + (f.statementLine() > 0 ? " (line " + f.statementLine() + ")" : "") + ": " + f.error())
                .orElse(original.what());
        boolean verified;
        try {
            verified = operations.restore(command, snapshot);
        } catch (KeelException restoreFailure) {
            restoreFailure.addSuppressed(failure);
            audit().record("run", "failed-not-restored", Map.of("command", command, "error", what, "snapshot", snapshot.id()));
            throw restoreFailure;
        }
        audit().record("run", "failed-restored", Map.of("command", command, "error", what, "code", original.code().code(),
                "snapshot", snapshot.id(), "verified", verified));
        ErrorCode code = command.equals("rollback") ? ErrorCode.ROLLBACK_FAILED : ErrorCode.MIGRATION_FAILED;
        return new KeelException(List.of(new Problem(code,
                what + (what.endsWith(".") ? "" : ".") + " The database was restored from snapshot " + snapshot.id()
                        + " taken before the " + command + (verified ? " (schema fingerprint verified)" : "")
                        + ": nothing of this " + command + " remains.",
                original.where(),
                "Fix the statement and run 'keel " + command + "' again. The failure is recorded in " + audit().file() + ".")),
                ExitClass.FAILED_RESTORED, failure);
    }

    /** Sizes as people read them in step details: {@code 41.2 MiB}. */
    private static String humanBytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static MigrationReport withPlan(MigrationReport report, MigrationPlan plan) {
        return new MigrationReport(plan, report.applied(), report.dryRun(), report.elapsedMs(), report.snapshot());
    }

    private Map<String, Object> runDetails(MigrationPlan plan, int applied, Optional<Snapshot> snapshot) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("command", "migrate");
        details.put("done", applied);
        details.put("versions", plan.pending().stream().map(p -> p.script().version().text()).toList());
        details.put("protection", plan.protection().kind().label());
        snapshot.ifPresent(s -> details.put("snapshot", s.id()));
        return details;
    }

    /** The protection chosen for a plan, with the snapshot operations when a snapshot is taken. */
    private record ChosenProtection(RunProtection protection, Optional<SnapshotOperations> operations) {
    }

    private ChosenProtection protection(MigrationPlan plan, MigrateOptions options) {
        return protection(plan.isEmpty(), plan.needsMoreThanTransactions(), () -> neededBecause(plan), plan.protection(),
                options.snapshot());
    }

    /**
     * Chooses the protection of SPEC §6: transactions where they suffice; a snapshot where statements run outside
     * a transaction (or always, when configured) and a strategy is configured; otherwise "unprotected", said plainly.
     * A configured strategy that cannot work is an error before anything changes; the development default that
     * cannot work here only makes the run unprotected.
     *
     * @param empty          whether there is nothing to do
     * @param needed         whether some statement runs outside a transaction
     * @param neededBecause  why, in words
     * @param byTransactions the protection transactions alone give
     * @param override       the strategy named for this run ({@code --snapshot})
     */
    private ChosenProtection protection(boolean empty, boolean needed, Supplier<String> neededBecause,
            RunProtection byTransactions, Optional<String> override) {
        boolean always = settings.snapshot().always();
        if (empty || (!needed && !always)) {
            return new ChosenProtection(byTransactions, Optional.empty());
        }
        String id = strategyIdFor(override);
        boolean explicit = override.isPresent() || settings.snapshot().strategyExplicit();
        if (id.equals(NO_SNAPSHOT)) {
            return new ChosenProtection(needed
                    ? RunProtection.unprotected(neededBecause.get() + ", and the snapshot strategy of environment '"
                            + settings.environment() + "' is none")
                    : byTransactions, Optional.empty());
        }
        if (!explicit && !dialectProvider().id().equals("sqlite")) {
            // The development default copies SQLite files only: stopping a database server (which other programs may
            // be using) is something a person must ask for, in keel.yaml or with --snapshot.
            return new ChosenProtection(needed
                    ? RunProtection.unprotected(neededBecause.get() + ", and environment '" + settings.environment()
                            + "' names no snapshot strategy (the default snapshot covers SQLite files only; set"
                            + " 'snapshot: filecopy' to let Keel stop and copy this database server)")
                    : byTransactions, Optional.empty());
        }
        List<Problem> problems;
        SnapshotOperations operations = null;
        try {
            operations = snapshotOperations(id);
            problems = operations.strategy().check();
        } catch (KeelException e) {
            problems = e.problems();
        }
        if (!problems.isEmpty()) {
            if (explicit) {
                throw new KeelException(problems);
            }
            return new ChosenProtection(needed
                    ? RunProtection.unprotected(neededBecause.get() + ", and the default '" + id + "' snapshot of environment '"
                            + settings.environment() + "' cannot work here: " + problems.get(0).what())
                    : byTransactions, Optional.empty());
        }
        String why = needed ? neededBecause.get() : "snapshot.always is set for environment '" + settings.environment() + "'";
        return new ChosenProtection(RunProtection.snapshot(id, operations.strategy().describe(), why), Optional.of(operations));
    }

    private String neededBecause(MigrationPlan plan) {
        PlannedMigration first = plan.pending().stream()
                .filter(p -> p.protection() != PlannedMigration.Protection.TRANSACTION)
                .findFirst()
                .orElseThrow();
        return dialectProvider().id().equals("mysql")
                ? "MySQL/MariaDB commits each DDL statement implicitly (migration " + first.script().version() + ")"
                : "migration " + first.script().version() + " runs statements outside a transaction";
    }

    private String strategyIdFor(Optional<String> override) {
        return override.map(s -> s.trim().toLowerCase(java.util.Locale.ROOT)).orElse(settings.snapshot().strategy());
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
        recoverIfNeeded();
        List<MigrationScript> files = readFiles().orThrow();
        MigrationPlan plan;
        try (Connected c = connect()) {
            plan = review(c).review(migrator(c, listener).plan(files, request(options))).plan();
        }
        return plan.withProtection(protection(plan, options).protection());
    }

    StatusReport status() {
        recoverIfNeeded();
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
        recoverIfNeeded();
        Files read = readFiles();
        try (Connected c = connect()) {
            List<AppliedMigration> rows = c.history().readAll();
            Reconciliation reconciliation = new HistoryReconciler(settings.outOfOrder()).reconcile(read.scripts(), rows, read.unusable());
            List<Problem> problems = new ArrayList<>(read.problems());
            problems.addAll(reconciliation.problems());
            if (problems.isEmpty()) {
                // The statements of pending files must split and be allowed where they run, and pass the rules, as
                // migrate will check.
                try {
                    PendingReview.Reviewed reviewed = review(c).review(new Planner(c.dialect(), c.session().serverInfo())
                            .plan(reconciliation.pending(), read.scripts(), MigrateRequest.all(), reconciliation.resumable()));
                    problems.addAll(PendingReview.errors(reviewed.all()));
                } catch (KeelException e) {
                    problems.addAll(e.problems());
                }
            }
            int applied = (int) rows.stream().filter(AppliedMigration::isApplied).count();
            return new ValidationReport(read.scripts().size(), applied, reconciliation.pending().size(), problems);
        }
    }

    dev.keel.spi.rollback.RollbackPlan planRollback(RollbackOptions options) {
        recoverIfNeeded();
        RollbackRequest request = rollbackRequest(options);
        List<MigrationScript> files = readFiles().orThrow();
        dev.keel.spi.rollback.RollbackPlan plan;
        try (Connected c = connect()) {
            plan = planRollback(c, files, request);
        }
        return plan.withProtection(rollbackProtection(plan, options).protection());
    }

    RollbackReport rollback(RollbackOptions options) {
        if (options.dryRun()) {
            return new RollbackReport(planRollback(options), List.of(), true, 0, Optional.empty());
        }
        long started = clock.millis();
        RollbackRequest request = rollbackRequest(options);
        try (WorkspaceLock.Held local = workspaceLock.acquire(settings.lockTimeout())) {
            recoverHeld();
            List<MigrationScript> files = readFiles().orThrow();
            dev.keel.spi.rollback.RollbackPlan preliminary;
            try (Connected c = connect()) {
                preliminary = planRollback(c, files, request);
            }
            if (preliminary.isEmpty()) {
                return new RollbackReport(preliminary, List.of(), false, clock.millis() - started, Optional.empty());
            }
            gate.pass("rollback", preliminary.risk(), options.confirmation(), () -> rollbackSummary(preliminary),
                    Map.of("versions", preliminary.steps().stream().collect(java.util.stream.Collectors.toMap(
                            st -> st.applied().version().text(), st -> st.risk().label(), (a, b) -> a,
                            java.util.LinkedHashMap::new))));
            if (!preliminary.forcedWindow().isEmpty()) {
                audit().record("forced", "rollback-window", Map.of("versions",
                        preliminary.forcedWindow().stream().map(Version::text).toList(),
                        "maxRollbackAge", settings.maxRollbackAge().toString()));
            }
            ChosenProtection chosen = rollbackProtection(preliminary, options);
            Work<List<dev.keel.spi.rollback.RollbackStep>> work = new Work<>("rollback", "Rolling back",
                    preliminary.steps().size(), "migration",
                    watching -> {
                        try (Connected c = connect();
                                DatabaseLock.Held lock = c.dialect().lock(c.session()).acquire(settings.lockTimeout())) {
                            // Planned again under the lock: another run may have changed history meanwhile.
                            dev.keel.spi.rollback.RollbackPlan plan = planRollback(c, files, request);
                            return new RollbackRunner(c.session(), c.history(), watching, clock).run(plan);
                        }
                    },
                    List::size,
                    done -> done.stream().map(st -> st.applied().version().text()).toList());
            Protected<List<dev.keel.spi.rollback.RollbackStep>> done = underProtection(work, chosen);
            return new RollbackReport(preliminary.withProtection(chosen.protection()), done.result(), false,
                    clock.millis() - started, done.kept());
        }
    }

    private dev.keel.spi.rollback.RollbackPlan planRollback(Connected c, List<MigrationScript> files, RollbackRequest request) {
        List<AppliedMigration> rows = c.history().exists() ? c.history().readAll() : List.of();
        dev.keel.spi.ServerInfo server = c.session().serverInfo();
        Linter linter = linter();
        String dialectId = c.dialect().id();
        StatementReview review = (file, statements, mode) -> {
            LintReport.FileLint lint = linter.lint(file, statements, dialectId, Optional.of(server), mode);
            List<dev.keel.spi.rule.ParsedStatement> parsed = statements.stream()
                    .map(st -> linter.analyzer().parse(st, dialectId, Optional.of(server)))
                    .toList();
            return new StatementReview.Reviewed(parsed, lint.risk(), lint.findings());
        };
        return new RollbackPlanner(c.dialect(), server, review, new DataLossEstimator(c.dialect(), c.session()), clock)
                .plan(files, rows, request);
    }

    private ChosenProtection rollbackProtection(dev.keel.spi.rollback.RollbackPlan plan, RollbackOptions options) {
        return protection(plan.isEmpty(), plan.needsMoreThanTransactions(), () -> {
            dev.keel.spi.rollback.RollbackStep first = plan.steps().stream()
                    .filter(st -> st.protection() != PlannedMigration.Protection.TRANSACTION)
                    .findFirst()
                    .orElseThrow();
            return dialectProvider().id().equals("mysql")
                    ? "MySQL/MariaDB commits each DDL statement implicitly (DOWN of migration " + first.applied().version() + ")"
                    : "the DOWN of migration " + first.applied().version() + " runs statements outside a transaction";
        }, plan.protection(), options.snapshot());
    }

    private RollbackRequest rollbackRequest(RollbackOptions options) {
        if (options.to().isPresent() == options.steps().isPresent()) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "Say what to roll back with exactly one of --to and --steps.",
                    "E.g. 'keel rollback --steps 1' (the newest migration) or 'keel rollback --to 7' (everything after 7).");
        }
        if (options.steps().isPresent() && options.steps().getAsInt() < 1) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "--steps must be 1 or more, not " + options.steps().getAsInt() + ".",
                    "Pass how many of the newest migrations to roll back, e.g. --steps 2.");
        }
        Optional<Version> to = options.to().map(t -> {
            if (!Version.isValid(t)) {
                throw KeelException.of(ErrorCode.OPTION_INVALID, "'" + t + "' is not a version.",
                        "Pass digits, optionally dotted, e.g. --to 7 or --to 1.2 (--to 0 rolls back everything).");
            }
            return Version.parse(t);
        });
        return new RollbackRequest(to, options.steps(), options.force(), settings.maxRollbackAge());
    }

    private static String rollbackSummary(dev.keel.spi.rollback.RollbackPlan plan) {
        List<String> parts = new ArrayList<>();
        for (dev.keel.spi.rollback.RollbackStep step : plan.steps()) {
            String losses = step.dataLoss().stream().map(dev.keel.spi.rollback.DataLoss::description)
                    .collect(java.util.stream.Collectors.joining("; "));
            parts.add(step.applied().version() + " (" + step.risk().label() + (losses.isEmpty() ? "" : "; " + losses) + ")");
        }
        return "rolls back " + String.join(", ", parts) + ".";
    }

    RepairReport repair() {
        recoverIfNeeded();
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
        recoverIfNeeded();
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
        Linter linter = request.useCache() ? cachingLinter() : linter();
        List<LintReport.FileLint> linted = new ArrayList<>();
        if (request.files().isEmpty()) {
            for (MigrationScript script : readFiles(provider.id()).orThrow()) {
                linted.add(linter.lint(script,
                        dialect.splitter().split(script.sql(), script.location(), script.firstLine()), provider.id(),
                        server));
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
            return linter.lint(script, dialect.splitter().split(script.sql(), shown, script.firstLine()), provider.id(),
                    server);
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return linter.lint(shown, dialect.splitter().split(text, shown, 1), provider.id(), server,
                dev.keel.spi.migration.TransactionMode.TRANSACTIONAL, ScriptAllowances.read(text, shown));
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

    /** The discovered rules as this environment's {@code rules:} configures them, for every command that lints. */
    private Linter linter() {
        return new Linter(analyzer(), configuredRules());
    }

    /** The discovered rules and schema policies as this environment's {@code rules:} configures them. */
    private ConfiguredRules configuredRules() {
        return ConfiguredRules.of(providers.rules(), settings.rules());
    }

    /** {@link #linter()} reusing the results of unchanged scripts kept in the work directory's {@code lint-cache}. */
    private Linter cachingLinter() {
        return linter().cachingIn(settings.workDirectory().resolve("lint-cache"));
    }

    /** Every discovered rule as this environment runs it ({@code keel lint --rules}). */
    List<RuleStatus> rules() {
        return ConfiguredRules.of(providers.rules(), settings.rules()).statuses();
    }

    /** Every discovered schema policy as this environment runs it ({@code keel lint --rules}). */
    List<PolicyStatus> policies() {
        return configuredRules().policyStatuses();
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
        return new Doctor(settings, providers, this::readFiles, this::connect, this::snapshotCheck).run();
    }

    Snapshot snapshotBegin() {
        try (WorkspaceLock.Held local = workspaceLock.acquire(settings.lockTimeout())) {
            recoverHeld();
            Optional<SnapshotSession.Open> open = session.read();
            if (open.isPresent()) {
                throw KeelException.of(ErrorCode.SNAPSHOT_SESSION_STATE,
                        "A work session is already open with snapshot " + open.get().snapshotId() + ".",
                        "End it with 'keel snapshot commit' (keep the changes) or 'keel snapshot restore' (undo them).");
            }
            SnapshotOperations operations = snapshotOperations(sessionStrategyId());
            Snapshot snapshot = operations.take("snapshot begin", settings.environment(), false);
            session.write(new SnapshotSession.Open(snapshot.id(), snapshot.strategy()));
            return snapshot;
        }
    }

    Snapshot snapshotCommit() {
        try (WorkspaceLock.Held local = workspaceLock.acquire(settings.lockTimeout())) {
            recoverHeld();
            SnapshotSession.Open open = session.read().orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_SESSION_STATE,
                    "No work session is open, so there is nothing to commit.",
                    "Start one with 'keel snapshot begin'."));
            SnapshotOperations operations = snapshotOperations(open.strategy());
            Optional<Snapshot> snapshot = operations.strategy().list().stream()
                    .filter(s -> s.id().equals(open.snapshotId()))
                    .findFirst();
            snapshot.ifPresent(s -> operations.discard(s, "snapshot commit"));
            session.clear();
            audit().record("session", "committed", Map.of("snapshot", open.snapshotId()));
            return snapshot.orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                    "The session's snapshot " + open.snapshotId() + " no longer exists; the session is closed now.",
                    "Nothing else to do: the database keeps its current state."));
        }
    }

    RestoreReport snapshotRestore(Optional<String> id) {
        try (WorkspaceLock.Held local = workspaceLock.acquire(settings.lockTimeout())) {
            recoverHeld();
            Optional<SnapshotSession.Open> open = session.read();
            String strategyId = open.map(SnapshotSession.Open::strategy).orElseGet(this::sessionStrategyId);
            SnapshotOperations operations = snapshotOperations(strategyId);
            List<Snapshot> all = operations.strategy().list();
            Snapshot snapshot;
            if (id.isPresent()) {
                snapshot = all.stream().filter(s -> s.id().equals(id.get())).findFirst()
                        .orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                                "No " + strategyId + " snapshot has the id '" + id.get() + "'.",
                                "Run 'keel snapshot list' to see the snapshots and their ids."));
            } else if (open.isPresent()) {
                snapshot = all.stream().filter(s -> s.id().equals(open.get().snapshotId())).findFirst()
                        .orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                                "The open session's snapshot " + open.get().snapshotId() + " no longer exists.",
                                "Run 'keel snapshot list' and pass an id, or end the session with 'keel snapshot commit'."));
            } else {
                snapshot = all.stream().max(java.util.Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::id))
                        .orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                                "There is no " + strategyId + " snapshot to restore.",
                                "Take one with 'keel snapshot begin'."));
            }
            long started = clock.millis();
            maintenance.raise();
            boolean verified;
            try {
                closeConnections();
                verified = operations.restore("snapshot restore", snapshot);
            } finally {
                maintenance.lower();
            }
            if (open.isPresent() && open.get().snapshotId().equals(snapshot.id())) {
                session.clear();
            }
            return new RestoreReport(snapshot, verified, clock.millis() - started);
        }
    }

    List<Snapshot> snapshots() {
        recoverIfNeeded();
        return snapshotOperations(sessionStrategyId()).strategy().list();
    }

    List<Snapshot> pruneSnapshots(Optional<Integer> keep) {
        int count = keep.orElse(settings.snapshot().keep());
        if (count < 0) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "--keep must be 0 or more, not " + count + ".",
                    "Pass how many of the newest snapshots to keep, e.g. --keep 3.");
        }
        try (WorkspaceLock.Held local = workspaceLock.acquire(settings.lockTimeout())) {
            recoverHeld();
            Set<String> held = session.read().map(o -> Set.of(o.snapshotId())).orElse(Set.of());
            return snapshotOperations(sessionStrategyId()).prune(count, held);
        }
    }

    /** Whether the environment's snapshot strategy could take a snapshot now (changes nothing). */
    private DoctorCheck snapshotCheck() {
        String id = settings.snapshot().strategy();
        if (id.equals(NO_SNAPSHOT)) {
            return new DoctorCheck("snapshot", DoctorCheck.Outcome.OK, "none in environment '" + settings.environment()
                    + "': a run that no transaction can protect is unprotected (set 'snapshot' to protect it)");
        }
        List<Problem> problems;
        String described = "";
        try {
            SnapshotOperations operations = snapshotOperations(id);
            described = operations.strategy().describe();
            problems = operations.strategy().check();
        } catch (KeelException e) {
            problems = e.problems();
        }
        if (problems.isEmpty()) {
            return new DoctorCheck("snapshot", DoctorCheck.Outcome.OK, id + ": " + described + "; snapshots in "
                    + settings.snapshot().directory() + ", keeping the newest " + settings.snapshot().keep());
        }
        return new DoctorCheck("snapshot", settings.snapshot().strategyExplicit() ? DoctorCheck.Outcome.FAIL : DoctorCheck.Outcome.WARN,
                id + " cannot take snapshots here: " + problems.get(0).what() + " Fix: " + problems.get(0).fix());
    }

    /** Manual sessions use the environment's strategy, or filecopy where the environment takes no snapshots. */
    private String sessionStrategyId() {
        String configured = settings.snapshot().strategy();
        return configured.equals(NO_SNAPSHOT) ? "filecopy" : configured;
    }

    /** Finishes or undoes crashed snapshot work, unless a live process holds the workspace (then it is not a crash). */
    private void recoverIfNeeded() {
        if (!journal.isPresent()) {
            return;
        }
        Optional<WorkspaceLock.Held> local = workspaceLock.tryAcquire();
        if (local.isEmpty()) {
            return;
        }
        try (WorkspaceLock.Held held = local.get()) {
            recoverHeld();
        }
    }

    /** As {@link #recoverIfNeeded()}, with the workspace lock already held. */
    private void recoverHeld() {
        if (journal.isPresent()) {
            closeConnections();
            new CrashRecovery(journal, audit(), listener, this::snapshotOperations).recover();
        }
    }

    private SnapshotOperations snapshotOperations(String strategyId) {
        SnapshotStrategyProvider provider = providers.snapshotStrategies().stream()
                .filter(p -> p.id().equals(strategyId))
                .findFirst()
                .orElseThrow(() -> KeelException.of(ErrorCode.SNAPSHOT_STRATEGY_UNKNOWN,
                        "No snapshot strategy is named '" + strategyId + "'.",
                        "Use one of " + providers.snapshotStrategies().stream().map(SnapshotStrategyProvider::id).toList()
                                + ", or none (set 'snapshot' in keel.yaml, KEEL_SNAPSHOT or --snapshot)."));
        SnapshotOptions options = settings.snapshot().options();
        for (String name : options.values().keySet()) {
            if (!provider.optionNames().contains(name)) {
                throw KeelException.at(ErrorCode.CONFIG_UNKNOWN_KEY,
                        dev.keel.spi.Location.of(options.origins().getOrDefault(name, "keel.yaml")),
                        "Snapshot strategy '" + strategyId + "' has no option '" + name + "'.",
                        "Use one of " + new java.util.TreeSet<>(provider.optionNames()) + ".");
            }
        }
        SnapshotStrategy strategy = provider.create(new EngineSnapshotContext(url(), MaskedUrl.of(url()).text(),
                dialectProvider().id(), options, settings.snapshot().directory(), this::openUnpooledSession,
                this::closeConnections, settings.user(), settings.password()));
        return new SnapshotOperations(strategy, journal, audit(), listener, clock, this::currentFingerprint);
    }

    private DatabaseSession openUnpooledSession() {
        Dialect dialect = dialectProvider().create(dialectContext());
        return pool(dialect).openUnpooled();
    }

    private String currentFingerprint() {
        try (Connected c = connect()) {
            return c.dialect().fingerprint(c.session(), c.history().tableName()).hash();
        }
    }

    private synchronized AuditLog audit() {
        if (audit == null) {
            Map<String, Object> common = new java.util.LinkedHashMap<>();
            common.put("environment", settings.environment());
            common.put("user", identity().appliedBy());
            common.put("database", target.dataSource().isPresent() ? "(DataSource)" : MaskedUrl.of(url()).text());
            common.put("keelVersion", identity().engineVersion());
            audit = new AuditLog(settings.workDirectory(), clock, common);
        }
        return audit;
    }

    /** Closes pooled connections before a database is stopped or its file replaced; the pool reopens on next use. */
    private synchronized void closeConnections() {
        if (pool != null && target.dataSource().isEmpty()) {
            pool.close();
            pool = null;
        }
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
                            dialect.connectionProperties(), dialect.connectionTimeout()));
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
