package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.snapshot.Snapshot;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel snapshot commit}: ends the work session keeping the database as it is. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = "End the work session keeping the database as it is now; the session's snapshot is discarded.")
final class SnapshotCommitCommand extends KeelCommand {

    SnapshotCommitCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            Snapshot snapshot = keel.snapshotCommit();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("snapshot commit", true);
                document.put("snapshot", SnapshotJson.snapshot(snapshot));
                context.jsonOutput().write(document);
            } else {
                print(context.text(), snapshot);
            }
            return DONE;
        }
    }

    static void print(TextOutput text, Snapshot snapshot) {
        text.line("@|bold Work session ended|@: the database stays as it is now; discarded snapshot "
                + TextOutput.escape(snapshot.id()) + " (" + TextOutput.escape(snapshot.strategy()) + ", "
                + HumanUnits.bytes(snapshot.sizeBytes()) + ").");
    }
}
