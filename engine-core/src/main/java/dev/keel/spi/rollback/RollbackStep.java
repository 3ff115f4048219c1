package dev.keel.spi.rollback;

import dev.keel.spi.Api;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.DownScript;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import java.util.List;
import java.util.Objects;

/**
 * One migration to roll back: the applied row, its DOWN statements as they will run, how they are protected, their
 * risk and the rules' findings on them, and the data they destroy, measured on the live database.
 *
 * @param applied      the history row being rolled back
 * @param script       the migration's files
 * @param down         its DOWN part
 * @param statements   the DOWN statements, as the dialect splits them
 * @param protection   transaction, or none (statement by statement)
 * @param risk         the highest risk of its statements
 * @param findings     the rules' findings on the DOWN statements
 * @param dataLoss     the data each destructive statement destroys
 * @param downChanged  whether the DOWN text differs from the one recorded when the migration was applied
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record RollbackStep(
        AppliedMigration applied,
        MigrationScript script,
        DownScript down,
        List<SqlStatement> statements,
        PlannedMigration.Protection protection,
        Risk risk,
        List<Finding> findings,
        List<DataLoss> dataLoss,
        boolean downChanged) {

    public RollbackStep {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(down, "down");
        statements = List.copyOf(statements);
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(risk, "risk");
        findings = List.copyOf(findings);
        dataLoss = List.copyOf(dataLoss);
    }
}
