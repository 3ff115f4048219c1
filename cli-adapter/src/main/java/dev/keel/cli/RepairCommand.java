package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.RepairReport;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel repair}: makes history agree with reviewed files. */
@Command(name = "repair", mixinStandardHelpOptions = true, description = "After review: accept new checksums and names, drop rows of deleted files, clear failed attempts.")
final class RepairCommand extends KeelCommand {

    RepairCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            RepairReport report = keel.repair();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("repair", true);
                document.put("actions", report.actions());
                context.jsonOutput().write(document);
            } else if (report.actions().isEmpty()) {
                context.text().plain("Nothing to repair.");
            } else {
                report.actions().forEach(a -> context.text().plain("  " + a));
            }
            return DONE;
        }
    }
}
