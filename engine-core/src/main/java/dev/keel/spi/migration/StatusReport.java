package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database stands: every known version (from files and history) with its state, the current
 * version, the validation problems that would stop a {@code migrate}, and schema drift (changes made outside
 * Keel since its last run) when the fingerprint recorded then differs from the schema now.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record StatusReport(
        String database,
        String dialect,
        Optional<Version> current,
        List<MigrationState> migrations,
        List<Problem> problems,
        Optional<SchemaDrift> drift) {

    public StatusReport {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(current, "current");
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
        Objects.requireNonNull(drift, "drift");
    }

    /** How many versions are pending. */
    public long pendingCount() {
        return migrations.stream().filter(m -> m.state() == MigrationState.State.PENDING).count();
    }
}
