package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.PlannedMigration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel migrate}: applies pending migrations. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations, each in its own transaction (or all in one with --atomic).")
final class MigrateCommand extends KeelCommand {

    @Option(names = "--target", paramLabel = "VERSION", description = "Apply up to and including this version.")
    String target;

    @Option(names = "--dry-run", description = "Print the plan and the statements; change nothing.")
    boolean dryRun;

    @Option(names = "--atomic", description = "Run every pending migration in one transaction: all or nothing.")
    boolean atomic;

    MigrateCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            MigrationReport report = keel.migrate(new MigrateOptions(Optional.ofNullable(target), dryRun, atomic));
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("migrate", true);
                document.put("dryRun", report.dryRun());
                document.put("atomic", atomic);
                document.put("applied", report.applied().stream().map(MigrationJson::applied).toList());
                document.put("plan", report.plan().pending().stream().map(p -> MigrationJson.planned(p, report.dryRun()))
                        .toList());
                document.put("elapsedMs", report.elapsedMs());
                context.jsonOutput().write(document);
            } else if (report.dryRun()) {
                printDryRun(report);
            }
            return DONE;
        }
    }

    private void printDryRun(MigrationReport report) {
        TextOutput text = context.text();
        if (report.plan().isEmpty()) {
            text.plain("Dry run: nothing to apply.");
            return;
        }
        text.line("@|bold Dry run|@: would apply " + report.plan().pending().size() + " migration(s); nothing was changed.");
        for (PlannedMigration planned : report.plan().pending()) {
            text.line("@|bold " + TextOutput.escape(planned.script().version().text()) + "|@  "
                    + TextOutput.escape(planned.script().script()) + "  (" + planned.protection().label() + ")");
            planned.statements().forEach(s -> text.plain("    " + s.sql().replace("\n", "\n    ") + ";"));
        }
    }
}
