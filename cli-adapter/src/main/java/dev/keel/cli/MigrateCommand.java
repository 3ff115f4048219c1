package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.MigrateOptions;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
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

    @Option(names = "--snapshot", paramLabel = "NAME|none",
            description = "Snapshot strategy for this run (e.g. filecopy, docker), or 'none' to take no snapshot; default: the environment's.")
    String snapshot;

    MigrateCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Optional<String> strategy = snapshotOption(snapshot);
        try (Keel keel = context.openKeel()) {
            MigrationReport report = keel.migrate(new MigrateOptions(Optional.ofNullable(target), dryRun, atomic, strategy));
            if (context.json()) {
                context.jsonOutput().write(document(report, atomic, context.events().recorded()));
            } else if (report.dryRun()) {
                printDryRun(report);
            } else {
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
    static Map<String, Object> document(MigrationReport report, boolean atomic, List<Map<String, Object>> events) {
        Map<String, Object> document = JsonOutput.document("migrate", true);
        document.put("dryRun", report.dryRun());
        document.put("atomic", atomic);
        document.put("protection", MigrationJson.protection(report.plan().protection()));
        document.put("applied", report.applied().stream().map(MigrationJson::applied).toList());
        document.put("plan", report.plan().pending().stream().map(p -> MigrationJson.planned(p, report.dryRun()))
                .toList());
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

    private void printDryRun(MigrationReport report) {
        TextOutput text = context.text();
        if (report.plan().isEmpty()) {
            text.plain("Dry run: nothing to apply.");
            return;
        }
        text.line("@|bold Dry run|@: would apply " + report.plan().pending().size() + " migration(s); nothing was changed.");
        text.line(ProtectionLine.markup(report.plan().protection()));
        for (PlannedMigration planned : report.plan().pending()) {
            text.line("@|bold " + TextOutput.escape(planned.script().version().text()) + "|@  "
                    + TextOutput.escape(planned.script().script()) + "  (" + planned.protection().label() + ")");
            planned.statements().forEach(s -> text.plain("    " + s.sql().replace("\n", "\n    ") + ";"));
        }
    }
}
