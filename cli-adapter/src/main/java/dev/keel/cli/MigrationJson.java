package dev.keel.cli;

import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.AppliedStep;
import dev.keel.spi.migration.MigrationState;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.RunProtection;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of migration values, shared by the commands that print them. */
final class MigrationJson {

    private MigrationJson() {
    }

    /** A pending migration with its risk and its findings in the shape of {@code keel lint --json}. */
    static Map<String, Object> planned(PlannedMigration planned, boolean withStatements,
            java.util.List<Map<String, Object>> findings, java.util.List<Map<String, Object>> accepted) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", planned.script().version().text());
        map.put("description", planned.script().description());
        map.put("script", planned.script().script());
        map.put("protection", planned.protection().label());
        map.put("transaction", planned.script().transactionMode().name().toLowerCase(java.util.Locale.ROOT));
        map.put("statementCount", planned.statements().size());
        map.put("risk", planned.risk().label());
        map.put("findings", findings);
        map.put("accepted", accepted);
        if (withStatements) {
            map.put("statements", planned.statements().stream().map(MigrationJson::statement).toList());
        }
        return map;
    }

    /** {@code {kind, strategy, what, reason}}; {@code strategy} is null unless a snapshot is taken. */
    static Map<String, Object> protection(RunProtection protection) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", protection.kind().label());
        map.put("strategy", protection.strategy().orElse(null));
        map.put("what", protection.what());
        map.put("reason", protection.reason());
        return map;
    }

    static Map<String, Object> statement(SqlStatement statement) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", statement.index() + 1);
        map.put("line", statement.line());
        map.put("sql", statement.sql());
        return map;
    }

    static Map<String, Object> applied(AppliedStep step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", step.version().text());
        map.put("description", step.description());
        map.put("script", step.script());
        map.put("statements", step.statements());
        map.put("executionMs", step.executionMs());
        return map;
    }

    static Map<String, Object> state(MigrationState state) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", state.version().text());
        map.put("description", state.description());
        map.put("script", state.script());
        map.put("state", state.state().label());
        state.appliedAt().ifPresent(at -> map.put("appliedAt", at.toString()));
        state.executionMs().ifPresent(ms -> map.put("executionMs", ms));
        if (state.statementsTotal() > 0) {
            map.put("statementsTotal", state.statementsTotal());
            map.put("statementsApplied", state.statementsApplied());
        }
        state.error().ifPresent(error -> map.put("error", error));
        return map;
    }
}
