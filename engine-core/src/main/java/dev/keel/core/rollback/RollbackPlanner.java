package dev.keel.core.rollback;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.rollback.DataLoss;
import dev.keel.spi.migration.DownScript;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.PlannedMigration.Protection;
import dev.keel.spi.rollback.RollbackPlan;
import dev.keel.spi.rollback.RollbackStep;
import dev.keel.spi.migration.RunProtection;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.migration.Version;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.StatementKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans a rollback (SPEC §8): picks the applied migrations to undo, newest first, and checks each before anything
 * runs — it has a DOWN (or an irreversible reason, which stops the plan), the DOWN splits and parses, it is inside the
 * rollback window (unless forced) — then reviews the DOWN statements with the rules and measures on the live database
 * the data they destroy. Every problem is collected before failing.
 */
public final class RollbackPlanner {

    private final Dialect dialect;
    private final ServerInfo server;
    private final StatementReview review;
    private final DataLossEstimator estimator;
    private final Clock clock;

    public RollbackPlanner(Dialect dialect, ServerInfo server, StatementReview review, DataLossEstimator estimator,
            Clock clock) {
        this.dialect = dialect;
        this.server = server;
        this.review = review;
        this.estimator = estimator;
        this.clock = clock;
    }

    /**
     * Plans the rollback.
     *
     * @param files   the migration files read for this dialect
     * @param history every history row
     * @throws KeelException with every problem found; nothing has been changed
     */
    public RollbackPlan plan(List<MigrationScript> files, List<AppliedMigration> history, RollbackRequest request) {
        Map<Version, AppliedMigration> latest = new HashMap<>();
        for (AppliedMigration row : history) {
            if (row.isPolicyFix()) {
                continue; // a policy fix has no DOWN; rolling back a migration passes over it
            }
            latest.merge(row.version(), row, (a, b) -> a.rank() >= b.rank() ? a : b);
        }
        List<AppliedMigration> newestFirst = latest.values().stream()
                .sorted(Comparator.comparingInt(AppliedMigration::rank).reversed())
                .toList();
        List<Problem> problems = new ArrayList<>();
        newestFirst.stream()
                .filter(r -> r.status() == MigrationStatus.PARTIAL || r.status() == MigrationStatus.FAILED)
                .findFirst()
                .ifPresent(r -> problems.add(Problem.of(ErrorCode.ROLLBACK_BLOCKED,
                        "Migration " + r.version() + " (" + r.script() + ") has a " + r.status().dbValue()
                                + " attempt in history; a rollback would run over an unfinished migration.",
                        "Finish it with 'keel migrate' or clear the attempt with 'keel repair' first.")));
        List<AppliedMigration> applied = newestFirst.stream().filter(AppliedMigration::isApplied).toList();
        List<AppliedMigration> selected = select(applied, request, problems);
        Map<Version, MigrationScript> byVersion = files.stream()
                .collect(Collectors.toMap(MigrationScript::version, f -> f, (a, b) -> a));
        Instant now = clock.instant();
        List<RollbackStep> steps = new ArrayList<>();
        List<Version> forced = new ArrayList<>();
        for (AppliedMigration row : selected) {
            stepFor(row, byVersion.get(row.version()), request, now, forced, problems).ifPresent(steps::add);
        }
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        Optional<Version> remaining = applied.stream()
                .filter(r -> selected.stream().noneMatch(s -> s.rank() == r.rank()))
                .map(AppliedMigration::version)
                .findFirst();
        Risk risk = steps.stream().map(RollbackStep::risk).reduce(Risk.LOW, Risk::max);
        RollbackPlan plan = new RollbackPlan(steps, remaining, RunProtection.transactions(""), risk, forced);
        return plan.withProtection(plan.needsMoreThanTransactions()
                ? RunProtection.unprotected("a DOWN script runs statements outside a transaction and no snapshot strategy is configured")
                : RunProtection.transactions("every DOWN script runs in a transaction"));
    }

    private static List<AppliedMigration> select(List<AppliedMigration> applied, RollbackRequest request,
            List<Problem> problems) {
        if (request.steps().isPresent()) {
            int n = request.steps().getAsInt();
            if (n > applied.size()) {
                problems.add(Problem.of(ErrorCode.ROLLBACK_TARGET_INVALID,
                        "--steps " + n + " asks for more than the " + applied.size() + " applied migration(s).",
                        "Pass at most --steps " + applied.size() + " (see 'keel status')."));
                return applied;
            }
            return applied.subList(0, n);
        }
        Version to = request.to().orElseThrow();
        boolean zero = to.parts().stream().allMatch(p -> p.signum() == 0);
        if (!zero && applied.stream().noneMatch(r -> r.version().equals(to))) {
            problems.add(Problem.of(ErrorCode.ROLLBACK_TARGET_INVALID,
                    "Version " + to + " is not applied, so the database cannot be rolled back to it.",
                    "Pass the version of an applied migration to --to (see 'keel status'), or --to 0 to roll back everything."));
            return List.of();
        }
        return applied.stream().filter(r -> r.version().compareTo(to) > 0).toList();
    }

    private Optional<RollbackStep> stepFor(AppliedMigration row, MigrationScript script, RollbackRequest request,
            Instant now, List<Version> forced, List<Problem> problems) {
        if (row.status() == MigrationStatus.BASELINE) {
            problems.add(Problem.of(ErrorCode.ROLLBACK_BLOCKED,
                    "Version " + row.version() + " is a baseline: it records a schema Keel did not create, and has no DOWN.",
                    "Roll back only migrations applied after the baseline (--to " + row.version() + ")."));
            return Optional.empty();
        }
        if (script == null) {
            problems.add(Problem.of(ErrorCode.ROLLBACK_DOWN_MISSING,
                    "Migration " + row.version() + " (" + row.script() + ") is applied but its file is gone, so it has no DOWN.",
                    "Restore the file with its DOWN part, or roll back by hand and mark it with 'keel repair'."));
            return Optional.empty();
        }
        Location where = Location.of(script.location());
        if (script.down().isEmpty()) {
            problems.add(script.irreversibleReason()
                    .map(reason -> Problem.at(ErrorCode.ROLLBACK_IRREVERSIBLE, where,
                            "Migration " + row.version() + " is irreversible: " + reason + ".",
                            "Roll back only newer migrations (--to " + row.version() + "), or restore a snapshot taken before it."))
                    .orElseGet(() -> Problem.at(ErrorCode.ROLLBACK_DOWN_MISSING, where,
                            "Migration " + row.version() + " (" + script.script() + ") has no DOWN script.",
                            "Add one (a '-- === DOWN MIGRATION ===' section, a .down.sql file, a U" + row.version()
                                    + "__… file or rollback/" + script.script() + "), or mark the migration"
                                    + " '-- keel:irreversible <reason>'.")));
            return Optional.empty();
        }
        DownScript down = script.down().get();
        Duration age = Duration.between(row.appliedAt(), now);
        if (age.compareTo(request.maxAge()) > 0) {
            if (request.force()) {
                forced.add(row.version());
            } else {
                problems.add(Problem.at(ErrorCode.ROLLBACK_WINDOW_PASSED, where,
                        "Migration " + row.version() + " was applied " + words(age) + " ago, longer ago than the rollback"
                                + " window (" + words(request.maxAge()) + "); data written since may depend on it.",
                        "Check that nothing depends on it, then pass --force (recorded in the audit log), or raise"
                                + " 'maxRollbackAge'."));
            }
        }
        Location downWhere = Location.of(down.script());
        List<SqlStatement> statements;
        try {
            statements = dialect.splitter().split(down.sql(), down.script(), down.firstLine());
        } catch (KeelException e) {
            problems.add(Problem.at(ErrorCode.ROLLBACK_DOWN_UNPARSABLE, e.problems().get(0).where().orElse(downWhere),
                    "The DOWN of migration " + row.version() + " cannot be split into statements: " + e.problems().get(0).what(),
                    "Fix the DOWN script; nothing was rolled back."));
            return Optional.empty();
        }
        boolean transactional = down.transactionMode() == TransactionMode.TRANSACTIONAL;
        if (transactional) {
            for (SqlStatement s : statements) {
                dialect.transactionRestriction(s, server).ifPresent(reason -> problems.add(Problem.at(
                        ErrorCode.TRANSACTION_REQUIRED, new Location(down.script(), s.line(), s.column()),
                        "DOWN statement " + (s.index() + 1) + " of migration " + row.version()
                                + " cannot run inside a transaction: " + reason + ".",
                        "Put '-- keel:transaction none' in the DOWN part of " + script.script() + ".")));
            }
        }
        StatementReview.Reviewed reviewed = review.review(down.script(), statements, down.transactionMode());
        for (ParsedStatement parsed : reviewed.parsed()) {
            if (parsed.lexicalFallback() && parsed.kind() == StatementKind.OTHER) {
                problems.add(Problem.at(ErrorCode.ROLLBACK_DOWN_UNPARSABLE,
                        new Location(down.script(), parsed.line(), parsed.column()),
                        "DOWN statement " + (parsed.index() + 1) + " of migration " + row.version()
                                + " does not parse, so Keel cannot tell what it would destroy: " + parsed.excerpt(),
                        "Fix the statement in the DOWN script; nothing was rolled back."));
            }
        }
        List<DataLoss> losses = new ArrayList<>();
        if (problems.isEmpty()) {
            reviewed.parsed().forEach(p -> losses.addAll(estimator.estimate(p)));
        }
        boolean changed = row.downChecksum().map(c -> !c.equals(down.checksum())).orElse(false);
        Protection protection = transactional && dialect.capabilities().transactionalDdl() ? Protection.TRANSACTION : Protection.NONE;
        return Optional.of(new RollbackStep(row, script, down, statements, protection, reviewed.risk(), reviewed.findings(),
                losses, changed));
    }

    /** A duration in words, precise enough that an age just past the window does not read as equal to it. */
    private static String words(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + " days" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + " h" : "");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min" + (d.toSecondsPart() > 0 ? " " + d.toSecondsPart() + " s" : "");
        }
        return Math.max(1, d.toSeconds()) + " s";
    }
}
