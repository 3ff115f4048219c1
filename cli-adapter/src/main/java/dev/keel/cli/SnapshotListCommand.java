package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel snapshot list}: the complete snapshots Keel keeps, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the snapshots Keel keeps, oldest first.")
final class SnapshotListCommand extends KeelCommand {

    SnapshotListCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            List<Snapshot> snapshots = keel.snapshots();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("snapshot list", true);
                document.put("snapshots", snapshots.stream().map(SnapshotJson::snapshot).toList());
                context.jsonOutput().write(document);
            } else {
                print(context.text(), snapshots);
            }
            return DONE;
        }
    }

    static void print(TextOutput text, List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            text.plain("No snapshots.");
            return;
        }
        long total = snapshots.stream().mapToLong(Snapshot::sizeBytes).sum();
        text.line("@|bold " + snapshots.size() + " snapshot(s)|@, " + HumanUnits.bytes(total) + " in all:");
        SnapshotText.table(text, snapshots);
    }
}
