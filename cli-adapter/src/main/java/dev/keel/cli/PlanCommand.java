package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.spi.migration.MigrationPlan;
import dev.keel.spi.migration.PlannedMigration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel plan}: what a migrate would do and how each migration is protected. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what 'migrate' would apply and how each migration is protected.")
final class PlanCommand extends KeelCommand {

    @Option(names = "--target", paramLabel = "VERSION", description = "Plan up to and including this version.")
    String target;

    @Option(names = "--atomic", description = "Plan the run as one transaction.")
    boolean atomic;

    PlanCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            MigrationPlan plan = keel.plan(new MigrateOptions(Optional.ofNullable(target), true, atomic));
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("plan", true);
                document.put("environment", keel.environment());
                document.put("atomic", atomic);
                document.put("migrations", plan.pending().stream().map(p -> MigrationJson.planned(p, true)).toList());
                context.jsonOutput().write(document);
                return DONE;
            }
            TextOutput text = context.text();
            if (plan.isEmpty()) {
                text.plain("Nothing to apply: the database is up to date.");
                return DONE;
            }
            text.line("@|bold Plan|@ (" + TextOutput.escape(keel.environment()) + "): " + plan.pending().size()
                    + " migration(s)" + (atomic ? " in one transaction" : ""));
            for (PlannedMigration planned : plan.pending()) {
                String protection = planned.protection() == PlannedMigration.Protection.TRANSACTION
                        ? "@|green transaction|@"
                        : "@|yellow unprotected: statements commit one by one|@";
                text.line("  " + TextOutput.escape(planned.script().version().text()) + "  "
                        + TextOutput.escape(planned.script().script()) + "  " + planned.statements().size()
                        + " statement(s), " + protection);
            }
            return DONE;
        }
    }
}
