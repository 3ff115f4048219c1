package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.RestoreReport;
import dev.keel.spi.snapshot.Snapshot;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keel snapshot restore [ID]}: puts the database back to a snapshot and verifies it. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Put the database back to a snapshot (ID, else the work session's, else the newest) and verify its schema fingerprint.")
final class SnapshotRestoreCommand extends KeelCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "The snapshot to restore (see 'keel snapshot list').")
    String id;

    SnapshotRestoreCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (Keel keel = context.openKeel()) {
            RestoreReport report = keel.snapshotRestore(Optional.ofNullable(id).map(String::strip).filter(s -> !s.isEmpty()));
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("snapshot restore", true);
                document.putAll(SnapshotJson.restore(report));
                context.jsonOutput().write(document);
            } else {
                print(context.text(), report);
            }
            return DONE;
        }
    }

    static void print(TextOutput text, RestoreReport report) {
        Snapshot snapshot = report.snapshot();
        text.line("@|bold Restored|@ snapshot " + SnapshotText.describe(snapshot) + " in "
                + HumanUnits.duration(report.elapsedMs()) + ".");
        if (report.verified()) {
            text.line("@|fg_green Verified|@: the schema matches the fingerprint recorded with the snapshot.");
        } else if (snapshot.fingerprint().isEmpty()) {
            text.line("@|fg_yellow Not verified|@: no schema fingerprint was recorded with this snapshot.");
        } else {
            text.line("@|bold,fg_red Not verified|@: the schema does not match the fingerprint recorded with the snapshot;"
                    + " run 'keel status' to see where the database stands.");
        }
        if (snapshot.consumedByRestore()) {
            text.plain("The restore used the snapshot up (it was moved into place), so it is no longer listed.");
        }
    }
}
