package dev.keel.core.validate;

import dev.keel.spi.Problem;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.MigrationState;
import dev.keel.spi.migration.Version;
import dev.keel.spi.migration.AppliedMigration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files compared with history: the state of every known version, the problems that stop a run,
 * the pending migrations in version order, the current version, the next free rank, and the partial
 * attempts that the pending list resumes (by version).
 */
public record Reconciliation(
        List<MigrationState> states,
        List<Problem> problems,
        List<MigrationScript> pending,
        Optional<Version> current,
        int nextRank,
        Map<Version, AppliedMigration> resumable) {

    public Reconciliation {
        states = List.copyOf(states);
        problems = List.copyOf(problems);
        pending = List.copyOf(pending);
        resumable = Map.copyOf(resumable);
    }
}
