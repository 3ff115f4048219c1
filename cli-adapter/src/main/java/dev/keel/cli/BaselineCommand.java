package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.migration.AppliedMigration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel baseline}: records that an unmanaged database is at a version. */
@Command(name = "baseline", description = "Record that an existing database is at VERSION; older migrations are not run.")
final class BaselineCommand extends KeelCommand {

    // Not mixinStandardHelpOptions: its --version would clash with SPEC's 'baseline --version V'.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version the database is at.")
    String version;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "baseline", description = "Description of the baseline row.")
    String description;

    BaselineCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            AppliedMigration row = keel.baseline(version, description);
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("baseline", true);
                document.put("version", row.version().text());
                document.put("rank", row.rank());
                context.jsonOutput().write(document);
            } else {
                context.text().plain("Baselined at version " + row.version() + ".");
            }
            return DONE;
        }
    }
}
