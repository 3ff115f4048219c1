package dev.keel.cli;

import dev.keel.bootstrap.Confirmation;
import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.RollbackOptions;
import dev.keel.bootstrap.RollbackReport;
import dev.keel.spi.rollback.DataLoss;
import dev.keel.spi.rollback.RollbackPlan;
import dev.keel.spi.rollback.RollbackStep;
import dev.keel.spi.rule.Finding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel rollback}: runs DOWN scripts newest first, after a plan that shows each step's risk, findings and the
 * data it destroys, measured on the live database (SPEC §8).
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll back applied migrations with their DOWN scripts, newest first, showing the data each destroys.")
final class RollbackCommand extends KeelCommand {

    @Option(names = "--to", paramLabel = "VERSION", description = "Roll back every migration applied after VERSION (0: all).")
    String to;

    @Option(names = "--steps", paramLabel = "N", description = "Roll back the N most recently applied migrations.")
    Integer steps;

    @Option(names = "--dry-run", description = "Print the plan, the data-loss estimates and the statements; change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Accept the confirmation the plan's risk would ask for.")
    boolean yes;

    @Option(names = "--force", description = "Also roll back migrations older than maxRollbackAge (recorded in the audit log).")
    boolean force;

    @Option(names = "--snapshot", paramLabel = "NAME|none",
            description = "Protect the rollback with this snapshot strategy, or 'none', instead of the environment's.")
    String snapshot;

    RollbackCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        RollbackOptions options = new RollbackOptions(Optional.ofNullable(to),
                steps == null ? OptionalInt.empty() : OptionalInt.of(steps), dryRun,
                yes ? Confirmation.YES_FLAG : Confirmation.NOT_GIVEN, force, MigrateCommand.snapshotOption(snapshot));
        try (Keel keel = context.openKeel()) {
            if (!dryRun && !yes && context.environment().terminal() && !context.json()) {
                RollbackPlan plan = keel.planRollback(options);
                if (plan.isEmpty()) {
                    context.text().plain("Nothing to roll back.");
                    return DONE;
                }
                print(plan, false);
                options = options.confirmed(TerminalQuestion.yes("Roll back " + plan.steps().size() + " migration(s)? [y/N] ")
                        ? Confirmation.TERMINAL : Confirmation.DECLINED);
            } else if (!dryRun && yes && !context.json()) {
                // Accepted in advance: still show what is about to be destroyed, for the record in the terminal or log.
                print(keel.planRollback(options), false);
            }
            RollbackReport report = keel.rollback(options);
            if (context.json()) {
                context.jsonOutput().write(document(report));
            } else if (report.dryRun()) {
                print(report.plan(), true);
                context.text().plain("Dry run: nothing was changed.");
            } else if (report.done().isEmpty()) {
                context.text().plain("Nothing to roll back.");
            } else {
                context.text().line("@|fg_green Rolled back|@ " + report.done().size() + " migration(s) in " + report.elapsedMs()
                        + " ms; " + report.plan().remaining().map(v -> "version " + v + " is now current.")
                                .orElse("no migration remains applied."));
            }
            return DONE;
        }
    }

    private void print(RollbackPlan plan, boolean withStatements) {
        TextOutput text = context.text();
        if (plan.isEmpty()) {
            text.plain("Nothing to roll back.");
            return;
        }
        text.line("@|bold Rollback plan|@: " + plan.steps().size() + " migration(s), newest first; risk @|bold "
                + plan.risk().label() + "|@; " + plan.remaining().map(v -> "version " + v + " stays current")
                        .orElse("no migration stays applied"));
        text.line(ProtectionLine.markup(plan.protection()));
        for (RollbackStep step : plan.steps()) {
            text.line("  @|bold " + TextOutput.escape(step.applied().version().text()) + "|@  "
                    + TextOutput.escape(step.down().script()) + "  " + step.statements().size() + " statement(s), risk "
                    + step.risk().label() + ", " + step.protection().label()
                    + (step.downChanged() ? "  @|fg_yellow DOWN changed since the migration was applied|@" : ""));
            for (DataLoss loss : step.dataLoss()) {
                text.line("      @|" + (loss.unknown() ? "fg_yellow" : "fg_red") + " data loss|@: "
                        + TextOutput.escape(loss.description()));
            }
            for (Finding f : step.findings()) {
                text.line("      " + f.severity().label() + ": " + TextOutput.escape(f.message()) + " [" + f.ruleId() + "]");
            }
            if (withStatements) {
                step.statements().forEach(s -> text.plain("      " + s.sql().replace("\n", "\n      ") + ";"));
            }
        }
        if (!plan.forcedWindow().isEmpty()) {
            text.line("  @|fg_yellow --force|@: rolling back " + String.join(", ", plan.forcedWindow().stream().map(v -> v.text()).toList())
                    + " although older than maxRollbackAge.");
        }
    }

    private static Map<String, Object> document(RollbackReport report) {
        Map<String, Object> document = JsonOutput.document("rollback", true);
        RollbackPlan plan = report.plan();
        document.put("dryRun", report.dryRun());
        document.put("risk", plan.risk().label());
        document.put("protection", MigrationJson.protection(plan.protection()));
        document.put("remaining", plan.remaining().map(v -> (Object) v.text()).orElse(null));
        document.put("forcedWindow", plan.forcedWindow().stream().map(v -> v.text()).toList());
        document.put("steps", plan.steps().stream().map(s -> step(s, report.dryRun())).toList());
        document.put("rolledBack", report.done().stream().map(s -> s.applied().version().text()).toList());
        report.snapshot().ifPresent(s -> document.put("snapshot", SnapshotJson.snapshot(s)));
        document.put("elapsedMs", report.elapsedMs());
        return document;
    }

    private static Map<String, Object> step(RollbackStep step, boolean withStatements) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", step.applied().version().text());
        map.put("script", step.script().script());
        map.put("down", step.down().script());
        map.put("statements", step.statements().size());
        map.put("protection", step.protection().label());
        map.put("risk", step.risk().label());
        map.put("downChanged", step.downChanged());
        map.put("appliedAt", step.applied().appliedAt().toString());
        map.put("dataLoss", step.dataLoss().stream().map(RollbackCommand::loss).toList());
        map.put("findings", step.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("ruleId", f.ruleId());
            finding.put("severity", f.severity().label());
            finding.put("risk", f.risk().label());
            finding.put("line", f.location().line());
            finding.put("message", f.message());
            return finding;
        }).toList());
        if (withStatements) {
            map.put("sql", step.statements().stream().map(s -> s.sql()).toList());
        }
        return map;
    }

    private static Map<String, Object> loss(DataLoss loss) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("statement", loss.statementIndex() + 1);
        map.put("kind", loss.kind().label());
        map.put("table", loss.table());
        map.put("column", loss.column().orElse(null));
        map.put("amount", loss.amount().isPresent() ? (Object) loss.amount().getAsLong() : null);
        map.put("bounded", loss.bounded());
        map.put("description", loss.description());
        return map;
    }
}
