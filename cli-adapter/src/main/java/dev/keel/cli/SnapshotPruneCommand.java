package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keel snapshot prune [--keep N]}: discards all but the newest snapshots. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Discard all but the newest snapshots (never the one of an open work session).")
final class SnapshotPruneCommand extends KeelCommand {

    @Option(names = "--keep", paramLabel = "N", description = "How many of the newest snapshots to keep; default: snapshot.keep in keel.yaml.")
    Integer keep;

    SnapshotPruneCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (keep != null && keep < 0) {
            throw KeelException.of(ErrorCode.OPTION_INVALID, "--keep must be 0 or more, not " + keep + ".",
                    "Pass how many of the newest snapshots to keep, e.g. --keep 3 (0 discards all but a session's).");
        }
        try (Keel keel = context.openKeel()) {
            List<Snapshot> discarded = keel.pruneSnapshots(Optional.ofNullable(keep));
            if (context.json()) {
                Map<String, Object> document = JsonOutput.document("snapshot prune", true);
                document.put("discarded", discarded.stream().map(SnapshotJson::snapshot).toList());
                document.put("freedBytes", discarded.stream().mapToLong(Snapshot::sizeBytes).sum());
                context.jsonOutput().write(document);
            } else {
                print(context.text(), discarded);
            }
            return DONE;
        }
    }

    static void print(TextOutput text, List<Snapshot> discarded) {
        if (discarded.isEmpty()) {
            text.plain("Nothing to prune.");
            return;
        }
        long freed = discarded.stream().mapToLong(Snapshot::sizeBytes).sum();
        text.line("@|bold Discarded " + discarded.size() + " snapshot(s)|@, " + HumanUnits.bytes(freed) + " freed:");
        SnapshotText.table(text, discarded);
    }
}
