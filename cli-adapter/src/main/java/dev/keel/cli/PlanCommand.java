package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.PlannedMigration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel plan}: what a migrate would do, how the run and each migration are protected, each migration's risk and
 * the rules' findings.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what 'migrate' would apply, how the run and each migration are protected, each migration's risk and the lint findings.")
final class PlanCommand extends KeelCommand {

    @Option(names = "--target", paramLabel = "VERSION", description = "Plan up to and including this version.")
    String target;

    @Option(names = "--atomic", description = "Plan the run as one transaction.")
    boolean atomic;

    @Option(names = "--snapshot", paramLabel = "NAME|none",
            description = "Plan with this snapshot strategy, or 'none', as 'migrate --snapshot' would run.")
    String snapshot;

    PlanCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Optional<String> strategy = MigrateCommand.snapshotOption(snapshot);
        PendingFindings findings = new PendingFindings(new ShownPaths(context.environment().workingDirectory()),
                context.events());
        try (Keel keel = context.openKeel()) {
            MigrationPlan plan = keel.plan(new MigrateOptions(Optional.ofNullable(target), true, atomic, strategy));
            boolean confirm = keel.needsConfirmation(plan.risk());
            if (context.json()) {
                context.jsonOutput().write(document(plan, keel.environment(), atomic, confirm, findings));
                return DONE;
            }
            print(context.text(), plan, keel.environment(), atomic, findings);
            if (!plan.isEmpty()) {
                summary(context.text(), plan, keel.environment(), confirm, findings);
            }
            return DONE;
        }
    }

    static Map<String, Object> document(MigrationPlan plan, String environment, boolean atomic,
            boolean needsConfirmation, PendingFindings findings) {
        Map<String, Object> document = JsonOutput.document("plan", true);
        document.put("environment", environment);
        document.put("atomic", atomic);
        document.put("protection", MigrationJson.protection(plan.protection()));
        document.put("risk", plan.risk().label());
        document.put("needsConfirmation", !plan.isEmpty() && needsConfirmation);
        document.put("lintErrors", PendingFindings.hasErrors(findings.of(plan)));
        document.put("migrations", plan.pending().stream().map(p -> findings.planned(p, true)).toList());
        return document;
    }

    /** The plan, each migration with its risk and its findings under it. */
    static void print(TextOutput text, MigrationPlan plan, String environment, boolean atomic, PendingFindings findings) {
        if (plan.isEmpty()) {
            text.plain("Nothing to apply: the database is up to date.");
            return;
        }
        text.line("@|bold Plan|@ (" + TextOutput.escape(environment) + "): " + plan.pending().size()
                + " migration(s)" + (atomic ? " in one transaction" : "") + "; risk @|bold " + plan.risk().label() + "|@");
        text.line(ProtectionLine.markup(plan.protection()));
        for (PlannedMigration planned : plan.pending()) {
            text.line("  " + TextOutput.escape(planned.script().version().text()) + "  "
                    + TextOutput.escape(planned.script().script()) + "  " + planned.statements().size()
                    + " statement(s), risk " + planned.risk().label() + ", "
                    + ProtectionLine.migrationMarkup(planned, plan.protection()));
            findings.print(text, findings.of(planned), "      ");
            findings.printAccepted(text, findings.accepted(planned), "      ");
        }
    }

    /** What 'keel migrate' will do about the plan's errors and risk. */
    private static void summary(TextOutput text, MigrationPlan plan, String environment, boolean confirm,
            PendingFindings findings) {
        if (PendingFindings.hasErrors(findings.of(plan))) {
            text.line("@|bold,fg_red Lint errors|@: 'keel migrate' will stop (exit 3) until they are fixed or accepted with"
                    + " '-- keel:allow RULE-ID reason'.");
        } else if (confirm) {
            text.line("@|bold,fg_yellow Confirmation needed|@: the run is " + plan.risk().label() + " risk; environment '"
                    + TextOutput.escape(environment) + "' asks before applying it ('keel migrate' on a terminal, or --yes).");
        }
    }
}
