package dev.keel.core.source;

import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.MigrationScript;
import java.util.List;

/**
 * What {@link MigrationReader} found: the migrations read without problems, sorted by version,
 * and every problem met on the way (in a stable order: by location, then file name).
 */
public record ReadResult(List<MigrationScript> migrations, List<Problem> problems) {

    public ReadResult {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
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
