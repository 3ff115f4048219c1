package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;

/**
 * A pending migration as it will run: its script, its statements as the dialect splits them, and how
 * the run is protected ({@code transaction} or {@code none}).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PlannedMigration(MigrationScript script, List<SqlStatement> statements, Protection protection) {

    public PlannedMigration {
        Objects.requireNonNull(script, "script");
        statements = List.copyOf(statements);
        Objects.requireNonNull(protection, "protection");
    }

    /** What makes a migration all-or-nothing. */
    public enum Protection {
        /** Its own transaction, or the run's with {@code --atomic}: a failure rolls everything of it back. */
        TRANSACTION,
        /** Nothing: statements commit one by one, a failure can leave it half-applied. */
        NONE;

        /** Lower-case name for output. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
