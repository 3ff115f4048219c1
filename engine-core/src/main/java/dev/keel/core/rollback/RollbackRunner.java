package dev.keel.core.rollback;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.MigrationRolledBack;
import dev.keel.spi.event.RunStarted;
import dev.keel.spi.event.StatementApplied;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.PlannedMigration.Protection;
import dev.keel.spi.rollback.RollbackPlan;
import dev.keel.spi.rollback.RollbackStep;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.session.DatabaseSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a rollback plan, newest first: each DOWN in its own transaction together with the marking of its history row
 * {@code rolled_back}, or statement by statement where it cannot run in a transaction. The caller holds the migration
 * lock and planned under it.
 */
public final class RollbackRunner {

    private final DatabaseSession session;
    private final MigrationHistory history;
    private final KeelListener listener;
    private final Clock clock;

    public RollbackRunner(DatabaseSession session, MigrationHistory history, KeelListener listener, Clock clock) {
        this.session = session;
        this.history = history;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Runs the plan.
     *
     * @return the steps done
     * @throws KeelException {@code ROLLBACK_FAILED} (the failing step left nothing behind, exit 1) or
     *     {@code ROLLBACK_PARTIAL} (a DOWN outside a transaction stopped midway, exit 6, steps printed)
     */
    public List<RollbackStep> run(RollbackPlan plan) {
        listener.on(new RunStarted("rollback", session.displayUrl(), plan.steps().size()));
        List<RollbackStep> done = new ArrayList<>();
        for (RollbackStep step : plan.steps()) {
            long stepStarted = clock.millis();
            if (step.protection() == Protection.TRANSACTION) {
                inTransaction(step, done);
            } else {
                statementByStatement(step, done);
            }
            done.add(step);
            listener.on(new MigrationRolledBack(step.applied().version().text(), step.down().script(),
                    step.statements().size(), clock.millis() - stepStarted));
        }
        return done;
    }

    private void inTransaction(RollbackStep step, List<RollbackStep> done) {
        session.begin();
        SqlStatement current = null;
        try {
            for (SqlStatement statement : step.statements()) {
                current = statement;
                execute(step, statement);
            }
            history.markRolledBack(step.applied().rank(), clock.instant());
            session.commit();
        } catch (KeelException e) {
            session.rollback();
            throw failure(ErrorCode.ROLLBACK_FAILED, step, current, e, done,
                    "its transaction was rolled back, so nothing of this DOWN remains and migration "
                            + step.applied().version() + " stays applied", ExitClass.FAILED_RESTORED);
        }
    }

    private void statementByStatement(RollbackStep step, List<RollbackStep> done) {
        int ran = 0;
        for (SqlStatement statement : step.statements()) {
            try {
                execute(step, statement);
            } catch (KeelException e) {
                if (ran == 0) {
                    throw failure(ErrorCode.ROLLBACK_FAILED, step, statement, e, done,
                            "no statement of this DOWN ran, so migration " + step.applied().version() + " stays applied",
                            ExitClass.FAILED_RESTORED);
                }
                throw failure(ErrorCode.ROLLBACK_PARTIAL, step, statement, e, done,
                        (ran == 1 ? "DOWN statement 1" : "DOWN statements 1-" + ran) + " of " + step.statements().size() + " were committed and cannot be"
                                + " undone by Keel: finish the DOWN by hand (statements " + (ran + 1) + "-"
                                + step.statements().size() + "), then run 'keel repair', or restore a snapshot",
                        ExitClass.FAILED_UNRESTORED);
            }
            ran++;
        }
        history.markRolledBack(step.applied().rank(), clock.instant());
    }

    private void execute(RollbackStep step, SqlStatement statement) {
        long started = clock.millis();
        session.execute(statement.sql());
        listener.on(new StatementApplied(step.applied().version().text(), statement.index(), step.statements().size(),
                clock.millis() - started));
    }

    private static KeelException failure(ErrorCode code, RollbackStep step, SqlStatement statement, KeelException cause,
            List<RollbackStep> done, String whatRemains, ExitClass exitClass) {
        Location where = statement == null
                ? Location.of(step.down().script())
                : new Location(step.down().script(), statement.line(), statement.column());
        String before = done.isEmpty() ? "" : " The " + done.size() + " newer migration(s) rolled back before it stay rolled back.";
        return new KeelException(List.of(Problem.at(code, where,
                "Rolling back migration " + step.applied().version() + " (" + step.down().script() + ") failed"
                        + (statement == null ? "" : " at DOWN statement " + (statement.index() + 1) + " of " + step.statements().size())
                        + ": " + cause.problems().get(0).what(),
                whatRemains + "." + before + " Fix the DOWN script and run 'keel rollback' again.")),
                exitClass, cause);
    }
}
