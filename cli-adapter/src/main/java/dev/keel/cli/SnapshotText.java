package dev.keel.cli;

import dev.keel.spi.snapshot.Snapshot;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** How the {@code snapshot} commands and {@code migrate} name a snapshot for a person. */
final class SnapshotText {

    private SnapshotText() {
    }

    /** {@code 20261122T081530Z-3f2a (filecopy, 1.2 GiB, taken 2026-11-22T08:15:30Z) at /srv/.keel/snapshots/…} */
    static String describe(Snapshot snapshot) {
        return "@|bold " + TextOutput.escape(snapshot.id()) + "|@ (" + TextOutput.escape(snapshot.strategy()) + ", "
                + HumanUnits.bytes(snapshot.sizeBytes()) + ", taken " + taken(snapshot) + ") at "
                + TextOutput.escape(snapshot.location());
    }

    /** One row per snapshot: id, strategy, when, size, why it was taken, where it is. */
    static void table(TextOutput text, List<Snapshot> snapshots) {
        int idWidth = Math.max(2, snapshots.stream().mapToInt(s -> s.id().length()).max().orElse(0));
        int strategyWidth = Math.max(8, snapshots.stream().mapToInt(s -> s.strategy().length()).max().orElse(0));
        String format = "  %-" + idWidth + "s  %-" + strategyWidth + "s  %-20s  %10s  %-8s  %s";
        text.plain(String.format(Locale.ROOT, format, "ID", "STRATEGY", "TAKEN", "SIZE", "LABEL", "LOCATION"));
        for (Snapshot s : snapshots) {
            text.plain(String.format(Locale.ROOT, format, s.id(), s.strategy(), taken(s),
                    HumanUnits.bytes(s.sizeBytes()), s.metadata().getOrDefault(Snapshot.LABEL, "-"), s.location()));
        }
    }

    private static String taken(Snapshot snapshot) {
        return snapshot.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
