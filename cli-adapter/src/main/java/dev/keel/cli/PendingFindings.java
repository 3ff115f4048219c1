package dev.keel.cli;

import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.rule.Acceptance;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lint findings of pending migrations, as the engine reported them ({@code MigrationReviewed} events), shown the
 * way {@code plan}, {@code migrate} and {@code validate} show them: as text in the form {@code keel lint} prints
 * (source line, caret, help), and as JSON in the shape of {@code keel lint --json}.
 */
final class PendingFindings {

    private final ShownPaths paths;
    private final Function<String, List<Finding>> byVersion;
    private final Function<String, List<Acceptance>> acceptedByVersion;

    /** The findings and acceptances the engine reported to {@code events}. */
    PendingFindings(ShownPaths paths, RunEvents events) {
        this(paths, events::findings, events::accepted);
    }

    /**
     * @param paths             how files are shown
     * @param byVersion         the findings of a pending migration, by its version
     * @param acceptedByVersion the findings its {@code -- keel:allow} directives accepted, by its version
     */
    PendingFindings(ShownPaths paths, Function<String, List<Finding>> byVersion,
            Function<String, List<Acceptance>> acceptedByVersion) {
        this.paths = paths;
        this.byVersion = byVersion;
        this.acceptedByVersion = acceptedByVersion;
    }

    /** Every accepted finding of the plan's pending migrations, in order. */
    List<Acceptance> accepted(MigrationPlan plan) {
        return plan.pending().stream().flatMap(p -> accepted(p).stream()).toList();
    }

    /** The findings {@code -- keel:allow} accepted in a pending migration. */
    List<Acceptance> accepted(PlannedMigration planned) {
        return acceptedByVersion.apply(planned.script().version().text());
    }

    /**
     * Each accepted finding on one line, with the reason its directive gave: accepted findings no longer stop a run,
     * but whoever applies it should still see what was accepted.
     */
    void printAccepted(TextOutput text, List<Acceptance> accepted, String indent) {
        for (Acceptance a : accepted) {
            Finding f = a.finding();
            text.line(indent + "@|faint accepted|@ " + TextOutput.escape(paths.shown(f.location().file()) + ":"
                    + f.location().line() + ": " + f.message() + " [" + f.ruleId() + "]") + " @|faint (keel:allow on line "
                    + a.allowance().line() + ": " + TextOutput.escape(a.allowance().reason()) + ")|@");
        }
    }

    /** A pending migration's findings. */
    List<Finding> of(PlannedMigration planned) {
        return byVersion.apply(planned.script().version().text());
    }

    /** Every finding of the plan's pending migrations, in order. */
    List<Finding> of(MigrationPlan plan) {
        return plan.pending().stream().flatMap(p -> of(p).stream()).toList();
    }

    /** Whether a finding is an error (migrate then stops with exit 3). */
    static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Each finding with its source line and caret, indented by {@code indent}. */
    void print(TextOutput text, List<Finding> findings, String indent) {
        SourceLines sources = new SourceLines(paths.workingDirectory());
        for (Finding f : findings) {
            FindingText.full(f, paths.shown(f.location().file()), sources.line(f.location().file(), f.location().line()))
                    .forEach(line -> text.line(indent + line));
        }
    }

    /** The findings as {@code keel lint --json} shapes them. */
    List<Map<String, Object>> json(List<Finding> findings) {
        return findings.stream().map(f -> LintJson.finding(f, paths)).toList();
    }

    /** Accepted findings as {@code keel lint --json} shapes them ({@code accepted: true}, {@code acceptance}). */
    List<Map<String, Object>> acceptedJson(List<Acceptance> accepted) {
        return accepted.stream().map(a -> LintJson.accepted(a.finding(), a.allowance(), paths)).toList();
    }

    /** A pending migration as JSON, with its risk, findings and accepted findings. */
    Map<String, Object> planned(PlannedMigration planned, boolean withStatements) {
        return MigrationJson.planned(planned, withStatements, json(of(planned)), acceptedJson(accepted(planned)));
    }
}
