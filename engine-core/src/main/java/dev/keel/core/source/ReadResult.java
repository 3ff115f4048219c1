package dev.keel.core.source;

import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.MigrationScript;
import java.util.List;
import java.util.Set;

/**
 * What {@link MigrationReader} found: the migrations read without problems, sorted by version, every problem
 * met on the way (in a stable order: by location, then file name), and the relative names of listed files that
 * gave no migration for the target (broken, duplicate, or another dialect's), so that history checks do not
 * call such a file missing.
 */
public record ReadResult(List<MigrationScript> migrations, List<Problem> problems, Set<String> unusableFiles) {

    public ReadResult {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
        unusableFiles = Set.copyOf(unusableFiles);
    }

    /** Whether every file was read without a problem. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Fails with all problems at once.
     *
     * @throws KeelException carrying every problem, when there is any
     */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
    }
}
