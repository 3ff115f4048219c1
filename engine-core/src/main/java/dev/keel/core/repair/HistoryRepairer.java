package dev.keel.core.repair;

import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code keel repair}: after a person has reviewed the files, makes history agree with them. Accepts the
 * new checksum of a modified file, records the new name of a renamed one, removes the rows of files
 * deleted on purpose, and clears failed or partial attempts (whose effects the person has undone).
 * Returns one sentence per change.
 */
public final class HistoryRepairer {

    private final MigrationHistory history;

    public HistoryRepairer(MigrationHistory history) {
        this.history = history;
    }

    /** Repairs; the caller holds the migration lock. */
    public List<String> repair(List<MigrationScript> files) {
        List<AppliedMigration> rows = history.readAll();
        Map<Version, AppliedMigration> latest = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.isPolicyFix()).sorted(Comparator.comparingInt(AppliedMigration::rank)).forEach(r -> latest.put(r.version(), r));
        Map<Version, MigrationScript> byVersion = files.stream()
                .collect(Collectors.toMap(MigrationScript::version, Function.identity(), (a, b) -> a));
        Set<Version> claimed = new HashSet<>();
        List<String> actions = new ArrayList<>();
        for (AppliedMigration row : latest.values()) {
            if (row.status() == MigrationStatus.PARTIAL
                    || (row.status() == MigrationStatus.FAILED && row.statementsApplied() > 0)) {
                history.delete(row.rank());
                actions.add("Cleared the " + row.status().dbValue() + " attempt of " + row.version() + " (" + row.script()
                        + "); it is pending again.");
                continue;
            }
            if (row.status() != MigrationStatus.SUCCESS) {
                continue;
            }
            MigrationScript file = byVersion.get(row.version());
            if (file != null) {
                if (!file.checksum().equals(row.checksum()) || !file.script().equals(row.script())) {
                    history.realign(row.rank(), file.version(), file.checksum(), file.script(), file.description());
                    actions.add("Recorded the current checksum and name of " + file.script() + " (version " + file.version()
                            + ").");
                }
                continue;
            }
            List<MigrationScript> sameText = files.stream()
                    .filter(f -> f.checksum().equals(row.checksum()) && !claimed.contains(f.version()))
                    .filter(f -> !latest.containsKey(f.version()) || !latest.get(f.version()).isApplied())
                    .toList();
            if (sameText.size() == 1) {
                MigrationScript renamed = sameText.get(0);
                claimed.add(renamed.version());
                history.realign(row.rank(), renamed.version(), renamed.checksum(), renamed.script(), renamed.description());
                actions.add("Recorded that " + row.script() + " was renamed to " + renamed.script() + ".");
            } else {
                history.delete(row.rank());
                actions.add("Removed the history row of deleted file " + row.script() + " (version " + row.version() + ").");
            }
        }
        return actions;
    }
}
