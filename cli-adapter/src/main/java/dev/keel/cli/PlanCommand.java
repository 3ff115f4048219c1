package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.PlannedMigration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel plan}: what a migrate would do and how the run and each migration are protected. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what 'migrate' would apply and how the run and each migration are protected.")
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
        try (Keel keel = context.openKeel()) {
            MigrationPlan plan = keel.plan(new MigrateOptions(Optional.ofNullable(target), true, atomic, strategy));
            if (context.json()) {
                context.jsonOutput().write(document(plan, keel.environment(), atomic));
                return DONE;
            }
            print(context.text(), plan, keel.environment(), atomic);
            return DONE;
        }
    }

    static Map<String, Object> document(MigrationPlan plan, String environment, boolean atomic) {
        Map<String, Object> document = JsonOutput.document("plan", true);
        document.put("environment", environment);
        document.put("atomic", atomic);
        document.put("protection", MigrationJson.protection(plan.protection()));
        document.put("migrations", plan.pending().stream().map(p -> MigrationJson.planned(p, true)).toList());
        return document;
    }

    static void print(TextOutput text, MigrationPlan plan, String environment, boolean atomic) {
        if (plan.isEmpty()) {
            text.plain("Nothing to apply: the database is up to date.");
            return;
        }
        text.line("@|bold Plan|@ (" + TextOutput.escape(environment) + "): " + plan.pending().size()
                + " migration(s)" + (atomic ? " in one transaction" : ""));
        text.line(ProtectionLine.markup(plan.protection()));
        for (PlannedMigration planned : plan.pending()) {
            text.line("  " + TextOutput.escape(planned.script().version().text()) + "  "
                    + TextOutput.escape(planned.script().script()) + "  " + planned.statements().size()
                    + " statement(s), " + ProtectionLine.migrationMarkup(planned, plan.protection()));
        }
    }
}
