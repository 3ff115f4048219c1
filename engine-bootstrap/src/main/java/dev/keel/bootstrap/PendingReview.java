package dev.keel.bootstrap;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.event.KeelListener;
import dev.keel.spi.event.MigrationReviewed;
import dev.keel.spi.rule.Acceptance;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the rules over a plan's pending migrations, as {@code keel lint} runs them ({@code -- keel:allow} and the
 * environment's {@code rules:} apply alike), with the connected server's version: each pending migration gets its
 * risk, and its findings are reported with a {@link MigrationReviewed} event. Used by {@code plan}, {@code validate}
 * and {@code migrate}.
 */
final class PendingReview {

    private final Linter linter;
    private final String dialect;
    private final Optional<ServerInfo> server;
    private final KeelListener listener;

    PendingReview(Linter linter, String dialect, ServerInfo server, KeelListener listener) {
        this.linter = linter;
        this.dialect = dialect;
        this.server = Optional.of(server);
        this.listener = listener;
    }

    /**
     * A reviewed plan: the plan with each pending migration's risk, and the findings per version.
     *
     * @param plan     the plan, each pending migration with its risk
     * @param findings the findings that count, per version, in plan order
     */
    record Reviewed(MigrationPlan plan, Map<String, List<Finding>> findings) {

        /** Every finding, in plan order. */
        List<Finding> all() {
            return findings.values().stream().flatMap(List::stream).toList();
        }

        /**
         * Stops a run whose pending migrations have error findings, before anything runs.
         *
         * @throws KeelException {@code LINT_ERROR} (exit 3) with one problem per error finding
         */
        void failOnErrors() {
            List<Problem> errors = errors(all());
            if (!errors.isEmpty()) {
                throw new KeelException(errors);
            }
        }
    }

    /** Reviews every pending migration of the plan and reports each with a {@link MigrationReviewed} event. */
    Reviewed review(MigrationPlan plan) {
        List<PlannedMigration> pending = new ArrayList<>();
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        for (PlannedMigration planned : plan.pending()) {
            LintReport.FileLint lint = linter.lint(planned.script(), planned.statements(), dialect, server);
            pending.add(planned.withRisk(lint.risk()));
            findings.put(planned.script().version().text(), lint.findings());
            listener.on(new MigrationReviewed(planned.script().version().text(), planned.script().script(), lint.risk(),
                    lint.findings(), lint.accepted().stream()
                            .map(a -> new Acceptance(a.finding(), a.allowance())).toList()));
        }
        return new Reviewed(plan.withPending(pending), findings);
    }

    /**
     * {@code to} with the risks {@code from} holds for the same versions: the plan made under the lock gets the risks
     * of the plan confirmed before it.
     */
    static MigrationPlan carried(MigrationPlan from, MigrationPlan to) {
        Map<String, PlannedMigration> reviewed = new LinkedHashMap<>();
        from.pending().forEach(p -> reviewed.putIfAbsent(p.script().version().text(), p));
        return to.withPending(to.pending().stream()
                .map(p -> Optional.ofNullable(reviewed.get(p.script().version().text()))
                        .map(r -> p.withRisk(r.risk()))
                        .orElse(p))
                .toList());
    }

    /** One {@code LINT_ERROR} problem per finding of severity error, at the finding's place. */
    static List<Problem> errors(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> Problem.at(ErrorCode.LINT_ERROR, f.location(), f.message() + " [" + f.ruleId() + "]",
                        f.remediation() + " If the statement is intended, accept it with a '-- keel:allow " + f.ruleId()
                                + " <reason>' line above it (" + f.docsAnchor() + ")."))
                .toList();
    }
}
