package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.snapshot.Snapshot;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keel snapshot begin}: takes a snapshot and opens a manual work session. */
@Command(name = "begin", mixinStandardHelpOptions = true,
        description = "Take a snapshot and start a work session; end it with 'snapshot commit' (keep the changes) or 'snapshot restore' (undo them).")
final class SnapshotBeginCommand extends KeelCommand {

    SnapshotBeginCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            Snapshot snapshot = keel.snapshotBegin();
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("snapshot begin", true);
                document.put("snapshot", SnapshotJson.snapshot(snapshot));
                context.jsonOutput().write(document);
            } else {
                print(context.text(), snapshot);
            }
            return DONE;
        }
    }

    static void print(TextOutput text, Snapshot snapshot) {
        text.line("@|bold Work session started|@: took snapshot " + SnapshotText.describe(snapshot) + ".");
        text.plain("Change the database as you need, then run 'keel snapshot commit' to keep the changes, or"
                + " 'keel snapshot restore' to put it back as it was now.");
    }
}
