package dev.keel.systemtests.crash;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plain progress lines of {@code keel migrate} (not on a terminal) say about where a run is:
 * {@code [2/5] Creating database snapshot…}, {@code taking snapshot ID: copying 40% (…)}, {@code [3/5] Applying 3
 * migrations…}, {@code ✓ 2  V2__orders.sql}, {@code ✗ 4  V4__audit.sql failed at statement 4},
 * {@code restoring snapshot ID: stopping…}, {@code Snapshot ID restored in …}, {@code [4/5] Committing…}. Kept in
 * one place: the crash tests anchor their kills on these lines and name the phase a kill landed in after them (the
 * journal left behind says the same from the engine's side).
 */
final class ProgressLines {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Pattern STEP = Pattern.compile("^\\[(\\d+)/(\\d+)\\] (.*)$");
    private static final Pattern SNAPSHOT_PROGRESS =
            Pattern.compile("^\\s*(taking|restoring|discarding|recovering) snapshot \\S+: ([a-z ]+?)(?:…| \\d+%| \\().*$");

    private ProgressLines() {
    }

    /** The marks a line can carry. */
    enum Mark {
        /** {@code [n/N] Creating database snapshot…} (started). */
        SNAPSHOT_STEP,
        /** {@code [n/N] Applying … migrations…} (started). */
        APPLY_STEP,
        /** {@code ✓ version script}. */
        MIGRATION_APPLIED,
        /** {@code ✗ version script failed at statement n}. */
        MIGRATION_FAILED,
        /** {@code taking snapshot ID: phase…}. */
        TAKE_PROGRESS,
        /** {@code restoring snapshot ID: phase…}. */
        RESTORE_PROGRESS,
        /** {@code Snapshot ID restored in …}. */
        RESTORED,
        /** {@code [n/N] Committing…} (started). */
        COMMIT_STEP,
        /** {@code Recovered an interrupted …}. */
        RECOVERED,
        /** Anything else. */
        OTHER
    }

    /** The line without colour codes and surrounding blanks. */
    static String plain(String line) {
        return ANSI.matcher(line).replaceAll("").strip();
    }

    static Mark mark(String raw) {
        String line = plain(raw);
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            String title = step.group(3);
            boolean started = !title.contains(" OK") && !title.contains("FAILED") && !title.contains("skipped");
            if (started && title.startsWith("Creating database snapshot")) {
                return Mark.SNAPSHOT_STEP;
            }
            if (started && title.startsWith("Applying")) {
                return Mark.APPLY_STEP;
            }
            if (started && title.startsWith("Committing")) {
                return Mark.COMMIT_STEP;
            }
            return Mark.OTHER;
        }
        if (line.startsWith("✓")) {
            return Mark.MIGRATION_APPLIED;
        }
        if (line.startsWith("✗") || line.contains(" failed at statement ")) {
            return Mark.MIGRATION_FAILED;
        }
        Matcher progress = SNAPSHOT_PROGRESS.matcher(line);
        if (progress.matches()) {
            return progress.group(1).equals("restoring") ? Mark.RESTORE_PROGRESS : Mark.TAKE_PROGRESS;
        }
        if (line.startsWith("Snapshot ") && line.contains(" restored")) {
            return Mark.RESTORED;
        }
        if (line.startsWith("Recovered ")) {
            return Mark.RECOVERED;
        }
        return Mark.OTHER;
    }

    /** The snapshot phase a progress line names ({@code stopping}, {@code copying}, …). */
    static Optional<String> snapshotPhase(String raw) {
        Matcher progress = SNAPSHOT_PROGRESS.matcher(plain(raw));
        return progress.matches() ? Optional.of(progress.group(2).strip()) : Optional.empty();
    }
}
