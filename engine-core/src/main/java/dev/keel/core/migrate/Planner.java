package dev.keel.core.migrate;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.PlannedMigration.Protection;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.migration.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.keel.spi.migration.AppliedMigration;
import java.util.Optional;

/**
 * Turns pending migrations into a plan: cuts each into statements, checks that statements which cannot
 * run in a transaction are marked so, and says how each is protected. Collects every problem before
 * failing, so that nothing runs while any file is broken.
 */
public final class Planner {

    private final Dialect dialect;
    private final ServerInfo server;

    public Planner(Dialect dialect, ServerInfo server) {
        this.dialect = dialect;
        this.server = server;
    }

    /**
     * Plans the pending migrations (already in version order) up to the target.
     *
     * @throws KeelException with every problem found (unterminated quotes, missing transaction markers, unknown target)
     */
    public MigrationPlan plan(List<MigrationScript> pending, List<MigrationScript> allFiles, MigrateRequest request,
            Map<Version, AppliedMigration> resumable) {
        List<Problem> problems = new ArrayList<>();
        Optional<Version> target = request.target();
        if (target.isPresent() && allFiles.stream().noneMatch(f -> f.version().equals(target.get()))) {
            problems.add(Problem.of(ErrorCode.TARGET_UNKNOWN,
                    "Target version " + target.get() + " matches no migration file.",
                    "Pass the version of an existing migration to --target (see 'keel status')."));
        }
        List<PlannedMigration> planned = new ArrayList<>();
        for (MigrationScript script : pending) {
            if (target.isPresent() && script.version().compareTo(target.get()) > 0) {
                break;
            }
            try {
                planned.add(planOne(script, request.atomic(), Optional.ofNullable(resumable.get(script.version())),
                        problems));
            } catch (KeelException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        return new MigrationPlan(planned, target, request.atomic());
    }

    private PlannedMigration planOne(MigrationScript script, boolean atomic, Optional<AppliedMigration> resumes,
            List<Problem> problems) {
        List<SqlStatement> statements = script.noOp()
                ? List.of()
                : dialect.splitter().split(script.sql(), script.location(), script.firstLine());
        if (statements.isEmpty() && !script.noOp() && hasLoneCarriageReturn(script.sql())) {
            // With old-Mac line endings the reader sees lines of SQL where a splitter whose line comments end only at
            // a line feed (as SQLite's do) sees one long comment: never record such a file as applied.
            problems.add(Problem.at(ErrorCode.STATEMENT_UNSUPPORTED, Location.of(script.location()),
                    "Migration " + script.version() + " (" + script.script() + ") holds text that is not a comment, but"
                            + " the " + dialect.id() + " splitter found no statement in it.",
                    "Check the line endings (a file with lone CR line endings reads as one long comment to some"
                            + " databases; save it with LF or CRLF) and that the statements are not inside a comment."));
        }
        if (resumes.isPresent()) {
            checkResumable(script, statements, resumes.get(), problems);
            if (atomic) {
                problems.add(Problem.at(ErrorCode.TRANSACTION_REQUIRED, Location.of(script.location()),
                        "Migration " + script.version() + " resumes a partial attempt, so it cannot be part of an --atomic run.",
                        "Run without --atomic to finish it first."));
            }
            return new PlannedMigration(script, statements, Protection.NONE, resumes);
        }
        boolean transactional = script.transactionMode() == TransactionMode.TRANSACTIONAL;
        if (transactional) {
            for (SqlStatement statement : statements) {
                dialect.transactionRestriction(statement, server).ifPresent(reason -> problems.add(Problem.at(
                        ErrorCode.TRANSACTION_REQUIRED,
                        new Location(script.location(), statement.line(), statement.column()),
                        "Statement " + (statement.index() + 1) + " cannot run inside a transaction: " + reason + ".",
                        "Put '-- keel:transaction none' at the top of " + script.script()
                                + " (keep such statements in a migration of their own); a statement that only manages"
                                + " transactions (BEGIN, COMMIT) should be removed instead: Keel wraps each migration in"
                                + " a transaction itself.")));
            }
        } else if (atomic) {
            problems.add(Problem.at(ErrorCode.TRANSACTION_REQUIRED, Location.of(script.location()),
                    "Migration " + script.version() + " runs outside a transaction, so it cannot be part of an --atomic run.",
                    "Run without --atomic, or apply this migration on its own first (--target)."));
        }
        Protection protection = transactional && dialect.capabilities().transactionalDdl()
                ? Protection.TRANSACTION
                : Protection.NONE;
        return new PlannedMigration(script, statements, protection, Optional.empty());
    }

    private static boolean hasLoneCarriageReturn(String text) {
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                return true;
            }
        }
        return false;
    }

    /** A partial attempt resumes only when the statements it applied are still there, unchanged. */
    private static void checkResumable(MigrationScript script, List<SqlStatement> statements, AppliedMigration attempt,
            List<Problem> problems) {
        int applied = attempt.statementsApplied();
        List<String> recorded = attempt.statementChecksums();
        String fix = "Restore statements 1-" + applied + " of " + script.script() + " exactly as they were applied (only"
                + " statements after " + applied + " may change), or undo them by hand and run 'keel repair'.";
        if (recorded.size() < applied || statements.size() < applied) {
            problems.add(Problem.at(ErrorCode.PARTIAL_STATEMENTS_CHANGED, Location.of(script.location()),
                    "Migration " + script.version() + " is partially applied (" + applied + " statements), but "
                            + (recorded.size() < applied ? "history does not record what they were"
                                    : "the file now has only " + statements.size() + " statements") + ".",
                    fix));
            return;
        }
        for (int i = 0; i < applied; i++) {
            SqlStatement statement = statements.get(i);
            if (!statement.shortChecksum().equals(recorded.get(i))) {
                problems.add(Problem.at(ErrorCode.PARTIAL_STATEMENTS_CHANGED,
                        new Location(script.location(), statement.line(), statement.column()),
                        "Statement " + (i + 1) + " of migration " + script.version() + " was changed after it was applied"
                                + " (the migration is partially applied: statements 1-" + applied + " ran).",
                        fix));
                return;
            }
        }
    }
}
