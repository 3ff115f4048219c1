package dev.keel.cli;

import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.PlannedMigration;
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

    /**
     * @param paths     how files are shown
     * @param byVersion the findings of a pending migration, by its version
     */
    PendingFindings(ShownPaths paths, Function<String, List<Finding>> byVersion) {
        this.paths = paths;
        this.byVersion = byVersion;
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

    /** A pending migration as JSON, with its risk and findings. */
    Map<String, Object> planned(PlannedMigration planned, boolean withStatements) {
        return MigrationJson.planned(planned, withStatements, json(of(planned)));
    }
}
