package dev.keel.core.migrate;

import dev.keel.core.validate.HistoryReconciler;
import dev.keel.core.validate.Reconciliation;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.LockWaiting;
import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.event.MigrationFailed;
import dev.keel.spi.event.MigrationStarted;
import dev.keel.spi.event.RunFinished;
import dev.keel.spi.event.RunStarted;
import dev.keel.spi.event.StatementApplied;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.AppliedStep;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.PlannedMigration.Protection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies pending migrations (SPEC §4, §6): under the migration lock, validates files against history,
 * plans, then runs each migration in its own transaction (or the whole run in one with {@code atomic}),
 * recording one history row per attempt. A migration that cannot run in a transaction is applied
 * statement by statement with its progress recorded after each one.
 */
public final class Migrator {

    private final Dialect dialect;
    private final DatabaseSession session;
    private final MigrationHistory history;
    private final KeelListener listener;
    private final Clock clock;
    private final RunIdentity identity;
    private final Duration lockTimeout;
    private final boolean outOfOrderAllowed;
    /** The rank of the last row this run recorded as a success (0: none yet). */
    private int lastSuccessRank;

    public Migrator(
            Dialect dialect,
            DatabaseSession session,
            MigrationHistory history,
            KeelListener listener,
            Clock clock,
            RunIdentity identity,
            Duration lockTimeout,
            boolean outOfOrderAllowed) {
        this.dialect = dialect;
        this.session = session;
        this.history = history;
        this.listener = listener;
        this.clock = clock;
        this.identity = identity;
        this.lockTimeout = lockTimeout;
        this.outOfOrderAllowed = outOfOrderAllowed;
    }

    /**
     * Validates and plans without changing anything (the history table is not created).
     *
     * @throws KeelException with every validation or planning problem
     */
    public MigrationPlan plan(List<MigrationScript> files, MigrateRequest request) {
        return plan(() -> files, request);
    }

    /**
     * As {@link #plan(List, MigrateRequest)}, with the files asked for only once history is read, so that a caller
     * can read them meanwhile.
     *
     * @throws KeelException as {@link #plan(List, MigrateRequest)}, and whatever the supplier throws
     */
    public MigrationPlan plan(Supplier<List<MigrationScript>> filesWhenNeeded, MigrateRequest request) {
        List<AppliedMigration> rows = history.exists() ? history.readAll() : List.of();
        return validatedPlan(filesWhenNeeded.get(), rows, request).plan();
    }

    /**
     * Applies what is pending.
     *
     * @throws KeelException validation problems (exit 3), lock timeout (exit 5), a failed migration that was
     *     rolled back (exit 1) or one left partially applied (exit 6)
     */
    public MigrationReport migrate(List<MigrationScript> files, MigrateRequest request) {
        return migrate(() -> files, request);
    }

    /**
     * Applies what is pending, with the files supplied once the lock is held and history is read, so that a caller
     * can read them meanwhile (they are asked for before anything is created or changed).
     *
     * @throws KeelException as {@link #migrate(List, MigrateRequest)}, and whatever the supplier throws
     */
    public MigrationReport migrate(Supplier<List<MigrationScript>> filesWhenNeeded, MigrateRequest request) {
        long started = clock.millis();
        if (request.dryRun()) {
            MigrationPlan plan = plan(filesWhenNeeded, request);
            listener.on(new RunStarted("migrate --dry-run", session.displayUrl(), plan.pending().size()));
            return new MigrationReport(plan, List.of(), true, clock.millis() - started);
        }
        try (DatabaseLock.Held lock = acquireLock()) {
            List<AppliedMigration> rows = history.exists() ? history.readAll() : List.of();
            List<MigrationScript> files = filesWhenNeeded.get();
            history.ensureExists();
            PlanAndRank planned = validatedPlan(files, rows, request);
            MigrationPlan plan = planned.plan();
            request.approval().accept(plan);
            listener.on(new RunStarted("migrate", session.displayUrl(), plan.pending().size()));
            List<AppliedStep> applied = new ArrayList<>();
            try {
                if (request.atomic()) {
                    applied.addAll(applyAtomically(plan, planned.nextRank()));
                } else {
                    applyEach(plan, planned.nextRank(), applied);
                }
            } finally {
                recordFingerprint(applied);
            }
            long elapsed = clock.millis() - started;
            listener.on(new RunFinished(applied.size(), elapsed));
            return new MigrationReport(plan, applied, false, elapsed);
        }
    }

    /**
     * Applies statements that no migration file holds (a schema policy fix) the way a migration is applied: under the
     * migration lock, in a transaction where DDL is transactional and statement by statement otherwise, with its
     * events and one history row for {@code script} (whose name tells it apart from files), and the schema fingerprint
     * recorded after it.
     *
     * @throws KeelException lock timeout (exit 5), a failed statement rolled back (exit 1) or left partially applied
     *     (exit 6)
     */
    public AppliedStep applyRecorded(MigrationScript script, List<SqlStatement> statements) {
        try (DatabaseLock.Held lock = acquireLock()) {
            history.ensureExists();
            int rank = history.readAll().stream().mapToInt(AppliedMigration::rank).max().orElse(0) + 1;
            Protection protection = dialect.capabilities().transactionalDdl() ? Protection.TRANSACTION : Protection.NONE;
            PlannedMigration migration = new PlannedMigration(script, statements, protection, Optional.empty());
            List<AppliedStep> applied = new ArrayList<>();
            try {
                applied.add(protection == Protection.TRANSACTION
                        ? applyInTransaction(migration, rank, List.of())
                        : applyStatementByStatement(migration, rank, List.of()));
            } finally {
                recordFingerprint(applied);
            }
            return applied.get(0);
        }
    }

    /** Tries the lock at once; when another run holds it, says so and waits up to the timeout. */
    private DatabaseLock.Held acquireLock() {
        DatabaseLock lock = dialect.lock(session);
        try {
            return lock.acquire(Duration.ZERO);
        } catch (KeelException busy) {
            if (busy.code() != ErrorCode.LOCK_TIMEOUT) {
                throw busy;
            }
            listener.on(new LockWaiting("another Keel run", lockTimeout.toMillis()));
            return lock.acquire(lockTimeout);
        }
    }

    private record PlanAndRank(MigrationPlan plan, int nextRank) {
    }

    private PlanAndRank validatedPlan(List<MigrationScript> files, List<AppliedMigration> rows, MigrateRequest request) {
        Reconciliation reconciliation = new HistoryReconciler(outOfOrderAllowed).reconcile(files, rows);
        if (!reconciliation.problems().isEmpty()) {
            throw new KeelException(reconciliation.problems());
        }
        MigrationPlan plan = new Planner(dialect, session.serverInfo())
                .plan(reconciliation.pending(), files, request, reconciliation.resumable());
        return new PlanAndRank(plan, reconciliation.nextRank());
    }

    private void applyEach(MigrationPlan plan, int firstRank, List<AppliedStep> applied) {
        int rank = firstRank;
        for (PlannedMigration migration : plan.pending()) {
            if (migration.resumes().isPresent()) {
                applied.add(applyStatementByStatement(migration, migration.resumes().get().rank(), applied));
            } else {
                applied.add(migration.protection() == Protection.TRANSACTION
                        ? applyInTransaction(migration, rank++, applied)
                        : applyStatementByStatement(migration, rank++, applied));
            }
        }
    }

    /**
     * Records the schema fingerprint after the run on the last row it wrote, so that {@code status} can tell
     * later whether the schema was changed outside Keel. Best effort: a failure here must not mask the run's.
     */
    private void recordFingerprint(List<AppliedStep> applied) {
        if (applied.isEmpty() || session.inTransaction()) {
            return;
        }
        try {
            if (lastSuccessRank > 0) {
                history.recordFingerprint(lastSuccessRank, dialect.fingerprint(session, history.tableName()).hash());
            }
        } catch (KeelException ignored) {
            // Drift detection is advisory; the migrations themselves are recorded.
        }
    }

    private AppliedStep applyInTransaction(PlannedMigration migration, int rank, List<AppliedStep> before) {
        Instant at = clock.instant();
        long started = clock.millis();
        announce(migration, true);
        session.begin();
        SqlStatement current = null;
        try {
            for (SqlStatement statement : migration.statements()) {
                current = statement;
                execute(migration, statement);
            }
            long elapsed = clock.millis() - started;
            history.insert(row(migration, rank, MigrationStatus.SUCCESS, at, elapsed, migration.statements().size(),
                    Optional.empty()));
            session.commit();
            lastSuccessRank = rank;
            return applied(migration, elapsed);
        } catch (KeelException e) {
            session.rollback();
            throw failed(migration, current, rank, at, started, e, 0, before,
                    "Nothing of migration " + migration.script().version() + " remains: its transaction was rolled back");
        }
    }

    /**
     * Runs a migration that no transaction can protect, recording its progress after every statement. The history
     * row is written once its first statement has run (an attempt that applied nothing is recorded as failed), so a
     * migration of n statements costs n history writes, the least that still says exactly how far it got. A statement
     * that the dialect lets share a transaction with its progress row ({@link Dialect#commitsWithProgress}, MySQL's row
     * changes) commits together with it, so no crash can leave such a change applied but uncounted.
     */
    private AppliedStep applyStatementByStatement(PlannedMigration migration, int rank, List<AppliedStep> before) {
        Instant at = clock.instant();
        long started = clock.millis();
        announce(migration, false);
        int total = migration.statements().size();
        int done = migration.alreadyApplied();
        boolean recorded = migration.resumes().isPresent();
        if (recorded) {
            MigrationScript script = migration.script();
            history.realign(rank, script.version(), script.checksum(), script.script(), script.description());
        } else if (total == 0) {
            history.insert(row(migration, rank, MigrationStatus.SUCCESS, at, 0, 0, Optional.empty()));
        }
        for (SqlStatement statement : migration.statements().subList(done, total)) {
            // A row change commits together with its progress row: a kill between the two then loses both.
            boolean together = dialect.commitsWithProgress(statement);
            if (together) {
                session.begin();
            }
            try {
                execute(migration, statement);
            } catch (KeelException e) {
                if (together) {
                    session.rollback();
                }
                String error = errorText(statement, total, e);
                long elapsed = clock.millis() - started;
                if (done == 0) {
                    if (recorded) {
                        history.updateProgress(rank, MigrationStatus.FAILED, 0, error, elapsed);
                    } else {
                        history.insert(row(migration, rank, MigrationStatus.FAILED, at, elapsed, 0, Optional.of(error)));
                    }
                    throw failed(migration, statement, -1, at, started, e, 0, before,
                            "No statement of migration " + migration.script().version() + " was applied");
                }
                history.updateProgress(rank, MigrationStatus.PARTIAL, done, error, elapsed);
                listener.on(new MigrationFailed(migration.script().version().text(), migration.script().script(),
                        statement.index(), statement.line(), e.problems().get(0).what()));
                throw partial(migration, statement, done, e);
            }
            MigrationStatus status = done + 1 == total ? MigrationStatus.SUCCESS : MigrationStatus.PARTIAL;
            long elapsed = clock.millis() - started;
            try {
                if (recorded) {
                    history.updateProgress(rank, status, done + 1, null, elapsed);
                } else {
                    history.insert(row(migration, rank, status, at, elapsed, done + 1, Optional.empty()));
                }
                if (together) {
                    session.commit();
                }
            } catch (KeelException e) {
                if (together) {
                    // The row change goes with its progress row: history and database still agree.
                    session.rollback();
                }
                throw e;
            }
            recorded = true;
            done++;
        }
        // The write after the last statement already recorded success.
        long elapsed = clock.millis() - started;
        lastSuccessRank = rank;
        return applied(migration, elapsed);
    }

    private List<AppliedStep> applyAtomically(MigrationPlan plan, int firstRank) {
        List<AppliedStep> applied = new ArrayList<>();
        session.begin();
        int rank = firstRank;
        for (PlannedMigration migration : plan.pending()) {
            Instant at = clock.instant();
            long started = clock.millis();
            announce(migration, true);
            SqlStatement current = null;
            try {
                for (SqlStatement statement : migration.statements()) {
                    current = statement;
                    execute(migration, statement);
                }
                long elapsed = clock.millis() - started;
                history.insert(row(migration, rank, MigrationStatus.SUCCESS, at, elapsed, migration.statements().size(),
                        Optional.empty()));
                applied.add(applied(migration, elapsed));
                rank++;
            } catch (KeelException e) {
                session.rollback();
                throw failed(migration, current, firstRank, at, started, e, 0, List.of(),
                        "The whole --atomic run was rolled back: none of its " + plan.pending().size()
                                + " migrations remain applied");
            }
        }
        session.commit();
        lastSuccessRank = rank - 1;
        return applied;
    }

    private void announce(PlannedMigration migration, boolean transactional) {
        listener.on(new MigrationStarted(migration.script().version().text(), migration.script().script(),
                migration.statements().size(), transactional));
    }

    private void execute(PlannedMigration migration, SqlStatement statement) {
        long started = clock.millis();
        session.execute(statement.sql());
        listener.on(new StatementApplied(migration.script().version().text(), statement.index(),
                migration.statements().size(), clock.millis() - started));
    }

    private AppliedStep applied(PlannedMigration migration, long elapsed) {
        MigrationScript script = migration.script();
        listener.on(new MigrationApplied(script.version().text(), script.script(), elapsed));
        return new AppliedStep(script.version(), script.description(), script.script(), migration.statements().size(),
                elapsed);
    }

    /**
     * Records the failed attempt (when {@code rank} is not negative, as a new row outside the rolled-back
     * transaction) and builds the exception that says what failed, where, and what remains.
     */
    private KeelException failed(
            PlannedMigration migration,
            SqlStatement statement,
            int rank,
            Instant at,
            long started,
            KeelException cause,
            int remaining,
            List<AppliedStep> before,
            String whatRemains) {
        MigrationScript script = migration.script();
        int total = migration.statements().size();
        String error = statement == null ? cause.problems().get(0).what() : errorText(statement, total, cause);
        if (rank >= 0) {
            history.insert(row(migration, rank, MigrationStatus.FAILED, at, clock.millis() - started, remaining,
                    Optional.of(error)));
        }
        listener.on(new MigrationFailed(script.version().text(), script.script(),
                statement == null ? -1 : statement.index(), statement == null ? 0 : statement.line(),
                cause.problems().get(0).what()));
        Location where = statement == null
                ? Location.of(script.location())
                : new Location(script.location(), statement.line(), statement.column());
        String kept = before.isEmpty() ? "" : "; the " + before.size() + " migration(s) applied before it in this run stay applied";
        return new KeelException(List.of(Problem.at(ErrorCode.MIGRATION_FAILED, where,
                "Migration " + script.version() + " (" + script.script() + ") failed: " + error,
                whatRemains + kept + ". Fix the statement and run 'keel migrate' again.")),
                ExitClass.FAILED_RESTORED, cause);
    }

    private KeelException partial(PlannedMigration migration, SqlStatement statement, int done, KeelException cause) {
        MigrationScript script = migration.script();
        int total = migration.statements().size();
        return new KeelException(List.of(Problem.at(ErrorCode.MIGRATION_PARTIAL,
                new Location(script.location(), statement.line(), statement.column()),
                "Migration " + script.version() + " (" + script.script() + ") is partially applied: statements 1-" + done
                        + " of " + total + " were committed, then " + errorText(statement, total, cause),
                "Either fix statement " + (done + 1) + " in the file and run 'keel migrate' to resume after statement "
                        + done + ", or undo statements 1-" + done + " by hand and run 'keel repair' to clear the attempt.")),
                ExitClass.FAILED_UNRESTORED, cause);
    }

    private static String errorText(SqlStatement statement, int total, KeelException cause) {
        return "statement " + (statement.index() + 1) + " of " + total + " (line " + statement.line() + ") failed: "
                + cause.problems().get(0).what();
    }

    private AppliedMigration row(
            PlannedMigration migration,
            int rank,
            MigrationStatus status,
            Instant at,
            long elapsed,
            int statementsApplied,
            Optional<String> error) {
        MigrationScript script = migration.script();
        return new AppliedMigration(rank, script.version(), script.description(), script.script(), script.checksum(),
                script.down().map(d -> d.checksum()), status, at, identity.appliedBy(), elapsed,
                migration.statements().size(), statementsApplied, error, Optional.empty(), Optional.empty(),
                identity.engineVersion(), Optional.empty(),
                migration.statements().stream().map(SqlStatement::shortChecksum).toList(), Optional.empty());
    }
}
