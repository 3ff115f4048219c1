package dev.keel.cli;

import dev.keel.bootstrap.Confirmation;
import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel migrate}: applies pending migrations, after the rules found no error in them and, when the run's risk
 * reaches the environment's {@code confirmAt}, a person accepted it (at the terminal, or in advance with --yes).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations, each in its own transaction (or all in one with --atomic).")
final class MigrateCommand extends KeelCommand {

    @Option(names = "--target", paramLabel = "VERSION", description = "Apply up to and including this version.")
    String target;

    @Option(names = "--dry-run", description = "Print the plan and the statements; change nothing.")
    boolean dryRun;

    @Option(names = "--atomic", description = "Run every pending migration in one transaction: all or nothing.")
    boolean atomic;

    @Option(names = "--snapshot", paramLabel = "NAME|none",
            description = "Snapshot strategy for this run (e.g. filecopy, docker), or 'none' to take no snapshot; default: the environment's.")
    String snapshot;

    @Option(names = "--yes", description = "Accept the confirmation the run's risk would ask for (recorded in .keel/audit.log).")
    boolean yes;

    MigrateCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Optional<String> strategy = snapshotOption(snapshot);
        PendingFindings findings = new PendingFindings(new ShownPaths(context.environment().workingDirectory()),
                context.events());
        MigrateOptions options = new MigrateOptions(Optional.ofNullable(target), dryRun, atomic, strategy,
                yes ? Confirmation.YES_FLAG : Confirmation.NOT_GIVEN);
        try (Keel keel = context.openKeel()) {
            boolean shown = false;
            if (!dryRun && !yes && context.environment().terminal() && !context.json()) {
                MigrationPlan plan = keel.plan(options);
                // Lint errors stop the run anyway (exit 3): there is nothing to ask then.
                if (!plan.isEmpty() && keel.needsConfirmation(plan.risk())
                        && !PendingFindings.hasErrors(findings.of(plan))) {
                    PlanCommand.print(context.text(), plan, keel.environment(), atomic, findings);
                    context.text().line("@|bold,fg_yellow Confirmation needed|@: this run is " + plan.risk().label()
                            + " risk, which environment '" + TextOutput.escape(keel.environment())
                            + "' applies only when you confirm it.");
                    options = options.confirmed(TerminalQuestion.yes("Apply? [y/N] ")
                            ? Confirmation.TERMINAL : Confirmation.DECLINED);
                    shown = true;
                }
            }
            MigrationReport report = keel.migrate(options);
            if (context.json()) {
                context.jsonOutput().write(document(report, atomic, context.events().recorded(), findings));
            } else if (report.dryRun()) {
                printDryRun(report, findings);
            } else {
                if (!shown) {
                    findings.print(context.text(), findings.of(report.plan()), "");
                    findings.printAccepted(context.text(), findings.accepted(report.plan()), "");
                }
                report.snapshot().ifPresent(this::printKept);
            }
            return DONE;
        }
    }

    /** The {@code --snapshot} value: absent, a strategy id, or {@code none}; blank is a usage error. */
    static Optional<String> snapshotOption(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "--snapshot needs a strategy name or 'none'.",
                    "Name a snapshot strategy (e.g. --snapshot filecopy), or pass --snapshot none to take no snapshot.");
        }
        return Optional.of(value.strip());
    }

    /** The {@code migrate --json} document; {@code events} is always there, empty when the run had no steps. */
    static Map<String, Object> document(MigrationReport report, boolean atomic, List<Map<String, Object>> events,
            PendingFindings findings) {
        Map<String, Object> document = JsonOutput.document("migrate", true);
        document.put("dryRun", report.dryRun());
        document.put("atomic", atomic);
        document.put("protection", MigrationJson.protection(report.plan().protection()));
        document.put("risk", report.plan().risk().label());
        document.put("applied", report.applied().stream().map(MigrationJson::applied).toList());
        document.put("plan", report.plan().pending().stream().map(p -> findings.planned(p, report.dryRun())).toList());
        report.snapshot().ifPresent(s -> document.put("snapshot", SnapshotJson.snapshot(s)));
        document.put("elapsedMs", report.elapsedMs());
        document.put("events", events);
        // the schema policies' verdict after the run, when they ran (docs/schema-policies.md#json)
        events.stream().filter(e -> "SchemaPolicyChecked".equals(e.get("type"))).findFirst()
                .ifPresent(e -> document.put("schemaPolicies", e.get("report")));
        return document;
    }

    private void printKept(Snapshot kept) {
        context.text().line("Kept snapshot " + TextOutput.escape(kept.id()) + " (" + TextOutput.escape(kept.strategy())
                + ", " + HumanUnits.bytes(kept.sizeBytes()) + ") at " + TextOutput.escape(kept.location())
                + "; 'keel snapshot restore " + TextOutput.escape(kept.id())
                + "' puts the database back as it was before this run.");
    }

    private void printDryRun(MigrationReport report, PendingFindings findings) {
        TextOutput text = context.text();
        if (report.plan().isEmpty()) {
            text.plain("Dry run: nothing to apply.");
            return;
        }
        text.line("@|bold Dry run|@: would apply " + report.plan().pending().size() + " migration(s); nothing was changed.");
        text.line(ProtectionLine.markup(report.plan().protection()));
        for (PlannedMigration planned : report.plan().pending()) {
            text.line("@|bold " + TextOutput.escape(planned.script().version().text()) + "|@  "
                    + TextOutput.escape(planned.script().script()) + "  (" + planned.protection().label() + ", risk "
                    + planned.risk().label() + ")");
            findings.print(text, findings.of(planned), "    ");
            findings.printAccepted(text, findings.accepted(planned), "    ");
            planned.statements().forEach(s -> text.plain("    " + s.sql().replace("\n", "\n    ") + ";"));
        }
    }
}
