package dev.keel.core.validate;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationState;
import dev.keel.spi.migration.MigrationState.State;
import dev.keel.spi.migration.MigrationStatus;
import dev.keel.spi.migration.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares migration files with the history table (SPEC §4): modified, missing, renamed, out-of-order
 * files and failed or partial attempts. Every problem is collected; nothing is thrown.
 */
public final class HistoryReconciler {

    private final boolean outOfOrderAllowed;

    public HistoryReconciler(boolean outOfOrderAllowed) {
        this.outOfOrderAllowed = outOfOrderAllowed;
    }

    /**
     * Reconciles.
     *
     * @param files   the migrations read from files, any order
     * @param history every history row, any order
     */
    public Reconciliation reconcile(List<MigrationScript> files, List<AppliedMigration> history) {
        return reconcile(files, history, Set.of());
    }

    /**
     * Reconciles, knowing which files exist but could not be read as migrations (their own problems are reported
     * by the reader): an applied row naming such a file is not reported missing.
     *
     * @param unusableScripts relative names of listed files that produced no migration
     */
    public Reconciliation reconcile(List<MigrationScript> files, List<AppliedMigration> history,
            Set<String> unusableScripts) {
        Map<Version, MigrationScript> fileByVersion = new HashMap<>();
        for (MigrationScript file : files) {
            fileByVersion.put(file.version(), file);
        }
        // Policy-fix rows have no file: they are shown beside the migration they followed, never checked against files.
        List<MigrationState> fixStates = policyFixStates(history);
        Map<Version, AppliedMigration> latest = latestAttempts(history.stream().filter(r -> !r.isPolicyFix()).toList());
        Optional<Version> baseline = latest.values().stream()
                .filter(row -> row.status() == MigrationStatus.BASELINE)
                .map(AppliedMigration::version)
                .max(Comparator.naturalOrder());

        List<Problem> problems = new ArrayList<>();
        TreeMap<Version, MigrationState> states = new TreeMap<>();
        Map<Version, MigrationScript> consumedByRename = new HashMap<>();
        Map<Version, AppliedMigration> resumable = new HashMap<>();
        Version highestApplied = null;

        for (AppliedMigration row : latest.values()) {
            Version version = row.version();
            MigrationScript file = fileByVersion.get(version);
            switch (row.status()) {
                case BASELINE -> states.put(version, state(row, State.BASELINE));
                case ROLLED_BACK -> {
                    if (file == null) {
                        states.put(version, state(row, State.ROLLED_BACK));
                    }
                }
                case FAILED, PARTIAL -> {
                    boolean leftovers = row.status() == MigrationStatus.PARTIAL || row.statementsApplied() > 0;
                    if (leftovers && file == null) {
                        problems.add(failedAttempt(row, null));
                    }
                    if (leftovers && file != null) {
                        resumable.put(version, row);
                    }
                    if (leftovers || file == null) {
                        states.put(version, state(row, row.status() == MigrationStatus.PARTIAL ? State.PARTIAL : State.FAILED));
                    }
                }
                case SUCCESS -> {
                    highestApplied = highestApplied == null || version.compareTo(highestApplied) > 0 ? version : highestApplied;
                    if (file == null && unusableScripts.contains(row.script())) {
                        states.put(version, state(row, State.APPLIED));
                        continue;
                    }
                    checkApplied(row, file, files, latest, consumedByRename, problems, states);
                }
            }
        }

        List<MigrationScript> pending = new ArrayList<>();
        for (MigrationScript file : files) {
            Version version = file.version();
            if (resumable.containsKey(version)) {
                pending.add(file);
                continue;
            }
            if (states.containsKey(version) && states.get(version).state() != State.FAILED
                    && states.get(version).state() != State.ROLLED_BACK) {
                continue;
            }
            AppliedMigration lastAttempt = latest.get(version);
            if (consumedByRename.containsKey(version)) {
                continue;
            }
            if (baseline.isPresent() && version.compareTo(baseline.get()) <= 0) {
                states.put(version, new MigrationState(version, file.description(), file.script(), State.BELOW_BASELINE,
                        Optional.empty(), Optional.empty(), 0, 0, Optional.empty()));
                continue;
            }
            if (highestApplied != null && version.compareTo(highestApplied) < 0 && !outOfOrderAllowed) {
                problems.add(Problem.at(ErrorCode.OUT_OF_ORDER, Location.of(file.location()),
                        "Pending migration " + version + " (" + file.script() + ") is older than the newest applied version "
                                + highestApplied + " (out of order).",
                        "Give the file a version above " + highestApplied
                                + ", or set 'outOfOrder: true' in keel.yaml to apply it anyway."));
                states.put(version, pendingState(file, State.OUT_OF_ORDER));
                continue;
            }
            pending.add(file);
            // A pending version whose last attempt failed (and was rolled back) still shows what went wrong.
            Optional<String> lastError = lastAttempt != null && lastAttempt.status() == MigrationStatus.FAILED
                    ? lastAttempt.error().map(e -> "last attempt on " + lastAttempt.appliedAt() + " failed: " + e)
                    : Optional.empty();
            states.put(version, new MigrationState(version, file.description(), file.script(), State.PENDING,
                    Optional.empty(), Optional.empty(), 0, 0, lastError));
        }
        pending.sort(Comparator.comparing(MigrationScript::version));

        Optional<Version> current = latest.values().stream()
                .filter(AppliedMigration::isApplied)
                .map(AppliedMigration::version)
                .max(Comparator.naturalOrder());
        int nextRank = history.stream().mapToInt(AppliedMigration::rank).max().orElse(0) + 1;
        List<MigrationState> shown = new ArrayList<>(states.values());
        shown.addAll(fixStates);
        shown.sort(Comparator.comparing(MigrationState::version)); // stable: a fix follows its migration
        return new Reconciliation(shown, problems, pending, current, nextRank, resumable);
    }

    private void checkApplied(
            AppliedMigration row,
            MigrationScript file,
            List<MigrationScript> files,
            Map<Version, AppliedMigration> latest,
            Map<Version, MigrationScript> consumedByRename,
            List<Problem> problems,
            Map<Version, MigrationState> states) {
        Version version = row.version();
        if (file != null) {
            if (!file.checksum().equals(row.checksum())) {
                problems.add(Problem.at(ErrorCode.APPLIED_MODIFIED, Location.of(file.location()),
                        "Applied migration " + version + " (" + file.script() + ") was modified after it was applied on "
                                + row.appliedAt() + " (checksum " + row.checksum().shortForm() + " recorded, "
                                + file.checksum().shortForm() + " now).",
                        "Restore the file as it was applied (e.g. git checkout), or review the change and run 'keel repair'"
                                + " to accept the new checksum."));
                states.put(version, state(row, State.MODIFIED));
            } else if (!file.script().equals(row.script())) {
                problems.add(renamed(row, file));
                states.put(version, state(row, State.RENAMED));
            } else {
                states.put(version, state(row, State.APPLIED));
            }
            return;
        }
        List<MigrationScript> sameText = files.stream()
                .filter(f -> f.checksum().equals(row.checksum()))
                .filter(f -> !latest.containsKey(f.version()) || !latest.get(f.version()).isApplied())
                .filter(f -> !consumedByRename.containsKey(f.version()))
                .toList();
        if (sameText.size() == 1) {
            MigrationScript renamedTo = sameText.get(0);
            consumedByRename.put(renamedTo.version(), renamedTo);
            problems.add(renamed(row, renamedTo));
            states.put(version, state(row, State.RENAMED));
            return;
        }
        problems.add(Problem.at(ErrorCode.APPLIED_MISSING, Location.of(row.script()),
                "Applied migration " + version + " (" + row.script() + ") is missing from the migration files.",
                "Restore " + row.script() + " from version control; if it was deleted on purpose, run 'keel repair'"
                        + " to remove its row from history."));
        states.put(version, state(row, State.MISSING));
    }

    private static Problem renamed(AppliedMigration row, MigrationScript file) {
        return Problem.at(ErrorCode.APPLIED_RENAMED, Location.of(file.location()),
                "Applied migration " + row.version() + " (" + row.script() + ") was renamed to " + file.script()
                        + " (version " + file.version() + ", same content).",
                "Rename " + file.script() + " back to " + row.script()
                        + ", or run 'keel repair' to record the new name.");
    }

    private static Problem failedAttempt(AppliedMigration row, MigrationScript file) {
        String where = file == null ? row.script() : file.location();
        boolean partial = row.status() == MigrationStatus.PARTIAL;
        String last = row.statementsApplied() == 0
                ? "no statement of it remains applied"
                : "statement " + row.statementsApplied() + " of " + row.statementsTotal() + " was the last one applied";
        return Problem.at(partial ? ErrorCode.PARTIAL_ATTEMPT : ErrorCode.FAILED_ATTEMPT, Location.of(where),
                "Migration " + row.version() + " (" + row.script() + ") " + (partial ? "is partially applied" : "failed")
                        + " on " + row.appliedAt() + ": " + last + "; error: " + row.error().orElse("unknown") + ".",
                "Undo statements 1-" + row.statementsApplied() + " by hand (or restore a snapshot), then run 'keel repair'"
                        + " to clear the attempt; or fix the failed statement and run 'keel migrate' to resume"
                        + " after statement " + row.statementsApplied() + ".");
    }

    private static MigrationState state(AppliedMigration row, State state) {
        return new MigrationState(row.version(), row.description(), row.script(), state, Optional.of(row.appliedAt()),
                Optional.of(row.executionMs()), row.statementsTotal(), row.statementsApplied(), row.error());
    }

    private static MigrationState pendingState(MigrationScript file, State state) {
        return new MigrationState(file.version(), file.description(), file.script(), state, Optional.empty(),
                Optional.empty(), 0, 0, Optional.empty());
    }

    /** The last attempt of each policy fix (per version and pack), by rank; a failed one does not block anything. */
    private static List<MigrationState> policyFixStates(List<AppliedMigration> history) {
        Map<String, AppliedMigration> latest = new LinkedHashMap<>();
        history.stream()
                .filter(AppliedMigration::isPolicyFix)
                .sorted(Comparator.comparingInt(AppliedMigration::rank))
                .forEach(row -> latest.put(row.version().parts() + row.script(), row));
        return latest.values().stream()
                .map(row -> state(row, switch (row.status()) {
                    case FAILED -> State.FAILED;
                    case PARTIAL -> State.PARTIAL;
                    case ROLLED_BACK -> State.ROLLED_BACK;
                    default -> State.APPLIED;
                }))
                .toList();
    }

    /** The last attempt per version, by rank. */
    private static Map<Version, AppliedMigration> latestAttempts(List<AppliedMigration> history) {
        Map<Version, AppliedMigration> latest = new LinkedHashMap<>();
        history.stream()
                .sorted(Comparator.comparingInt(AppliedMigration::rank))
                .forEach(row -> latest.put(row.version(), row));
        return latest;
    }
}
