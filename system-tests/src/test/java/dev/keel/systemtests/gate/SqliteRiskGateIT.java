package dev.keel.systemtests.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 4, with the packaged CLI on SQLite in environment development (confirmAt high): a run holding a
 * DROP TABLE is refused when piped (exit 4, nothing applied), runs with --yes, and on a pseudo-terminal asks
 * "Apply? [y/N]" — y applies, n refuses; the audit log says who accepted. A lint error stops migrate and validate
 * with exit 3 before anything runs, and plan/validate JSON carry the findings.
 */
class SqliteRiskGateIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    private Path migrations;

    @BeforeEach
    void writeMigrations() throws IOException {
        migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_tables.sql"), """
                CREATE TABLE accounts (id INTEGER PRIMARY KEY);
                CREATE TABLE legacy_accounts (id INTEGER PRIMARY KEY);
                """);
        Files.writeString(migrations.resolve("V2__drop_legacy.sql"), """
                -- keel:allow drop-table legacy_accounts has not been read since release 4
                DROP TABLE legacy_accounts;
                """);
    }

    @Test
    void pipedWithoutYesTheHighRiskRunIsRefusedAndNothingIsApplied() throws Exception {
        KeelRun run = KeelProcess.run(project, args("migrate"));

        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("KEEL-E0401"), run::toString);
        assertTrue(run.stderr().contains("--yes") && run.stderr().contains("terminal"), run::toString);
        assertTrue(run.stderr().contains("V2__drop_legacy.sql (high)"), run::toString);
        assertEquals(List.of(), tables(), "nothing applied, not even the low-risk V1");
        JsonNode refusal = lastAudit("confirmation");
        assertEquals("refused", refusal.path("outcome").asText());
        assertEquals("none", refusal.path("by").asText());

        KeelRun json = KeelProcess.run(project, args("migrate", "--json"));
        assertEquals(4, json.exitCode(), json::toString);
        assertEquals("KEEL-E0401", json.problems().get(0).path("code").asText());
    }

    @Test
    void withYesTheRunIsAppliedAndTheAuditLogSaysYesFlag() throws Exception {
        KeelRun run = KeelProcess.run(project, args("migrate", "--yes", "--json"));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("1", "2"), run.appliedVersions());
        assertEquals("high", run.json().path("risk").asText(), run::toString);
        assertEquals(List.of("accounts"), tables());
        JsonNode accepted = lastAudit("confirmation");
        assertEquals("accepted", accepted.path("outcome").asText());
        assertEquals("yes_flag", accepted.path("by").asText());
        assertEquals("high", accepted.path("versions").path("2").asText());
        assertEquals("low", accepted.path("versions").path("1").asText());
        assertEquals(System.getProperty("user.name"), accepted.path("user").asText());
    }

    @Test
    void onATerminalAnsweringYesApplies() throws Exception {
        KeelRun run = KeelProcess.runOnTerminal(project, args("migrate", "--no-color"), "y\n");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("Apply? [y/N]"), run::toString);
        assertTrue(run.stdout().contains("V2__drop_legacy.sql  1 statement(s), risk high"), run::toString);
        assertEquals(List.of("accounts"), tables());
        JsonNode accepted = lastAudit("confirmation");
        assertEquals("accepted", accepted.path("outcome").asText());
        assertEquals("terminal", accepted.path("by").asText());
        assertEquals(System.getProperty("user.name"), accepted.path("user").asText());
    }

    @Test
    void onATerminalAnsweringNoRefusesWithExit4() throws Exception {
        KeelRun run = KeelProcess.runOnTerminal(project, args("migrate", "--no-color"), "n\n");

        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("Apply? [y/N]"), run::toString);
        assertTrue(run.stdout().contains("KEEL-E0401"), run::toString);
        assertEquals(List.of(), tables());
        JsonNode refusal = lastAudit("confirmation");
        assertEquals("refused", refusal.path("outcome").asText());
        assertEquals("terminal", refusal.path("by").asText());
    }

    @Test
    void aLowRiskRunNeedsNoConfirmation() throws Exception {
        Files.delete(migrations.resolve("V2__drop_legacy.sql"));

        KeelRun run = KeelProcess.run(project, args("migrate", "--json"));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("1"), run.appliedVersions());
        assertFalse(Files.exists(project.resolve(".keel/audit.log"))
                && Files.readString(project.resolve(".keel/audit.log")).contains("\"confirmation\""));
    }

    @Test
    void aLintErrorStopsMigrateAndValidateWithExit3AndPlanAndValidateJsonShowTheFindings() throws Exception {
        Files.writeString(migrations.resolve("V2__drop_legacy.sql"), "DROP TABLE legacy_accounts;\n");

        KeelRun migrate = KeelProcess.run(project, args("migrate", "--yes", "--json"));
        assertEquals(3, migrate.exitCode(), migrate::toString);
        JsonNode problem = migrate.problems().get(0);
        assertEquals("KEEL-E0217", problem.path("code").asText(), migrate::toString);
        assertTrue(problem.path("what").asText().contains("[drop-table]"), migrate::toString);
        assertTrue(problem.path("fix").asText().contains("-- keel:allow drop-table"), migrate::toString);
        assertEquals(List.of(), tables());

        KeelRun validate = KeelProcess.run(project, args("validate", "--json"));
        assertEquals(3, validate.exitCode(), validate::toString);
        assertEquals("KEEL-E0217", validate.problems().get(0).path("code").asText());
        JsonNode finding = validate.json().path("findings").get(0);
        assertEquals("drop-table", finding.path("ruleId").asText(), validate::toString);
        assertEquals("error", finding.path("severity").asText());
        assertTrue(finding.path("file").asText().endsWith("V2__drop_legacy.sql"), validate::toString);
        assertEquals(1, finding.path("line").asInt());

        KeelRun plan = KeelProcess.run(project, args("plan", "--json"));
        assertEquals(0, plan.exitCode(), plan::toString);
        JsonNode v2 = plan.json().path("migrations").get(1);
        assertEquals("high", v2.path("risk").asText(), plan::toString);
        assertEquals("drop-table", v2.path("findings").get(0).path("ruleId").asText(), plan::toString);
        assertEquals("low", plan.json().path("migrations").get(0).path("risk").asText());
        assertTrue(plan.json().path("lintErrors").asBoolean(), plan::toString);

        KeelRun text = KeelProcess.run(project, args("plan", "--no-color"));
        assertTrue(text.stdout().contains("V2__drop_legacy.sql:1:1: error:"), text::toString);
        assertTrue(text.stdout().contains("risk high"), text::toString);
    }

    @Test
    void anAcceptedFindingLeavesValidateCleanAndPlanSaysAConfirmationIsNeeded() throws Exception {
        KeelRun validate = KeelProcess.run(project, args("validate", "--json"));
        assertEquals(0, validate.exitCode(), validate::toString);
        assertEquals(0, validate.json().path("findings").size(), validate::toString);

        KeelRun plan = KeelProcess.run(project, args("plan", "--json"));
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals("high", plan.json().path("risk").asText(), plan::toString);
        assertTrue(plan.json().path("needsConfirmation").asBoolean(), plan::toString);
    }

    // --- helpers -----------------------------------------------------------------------------

    private List<String> args(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", "jdbc:sqlite:" + project.resolve("app.db"), "--migrations", migrations.toString()));
        return args;
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        if (!Files.exists(project.resolve("app.db"))) {
            return names;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("app.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' AND name <> 'keel_schema_history' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private JsonNode lastAudit(String event) throws IOException {
        JsonNode last = null;
        for (String line : Files.readAllLines(project.resolve(".keel/audit.log"))) {
            JsonNode entry = JSON.readTree(line);
            if (event.equals(entry.path("event").asText())) {
                last = entry;
            }
        }
        assertTrue(last != null, "no " + event + " entry in the audit log");
        return last;
    }
}
