package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keel lint} with {@code -- keel:allow} in the files and {@code rules:} in keel.yaml (SPEC §5, RULES.md
 * "Findings, suppression, configuration"), on SQLite files without a database.
 */
class LintAcceptanceTest {

    @TempDir
    Path work;

    private void write(String name, String text) throws IOException {
        Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> findings(CliRun run) {
        List<String> found = new ArrayList<>();
        run.json().path("findings").forEach(f -> found.add(f.path("ruleId").asText() + "@" + f.path("line").asInt()
                + (f.path("accepted").asBoolean() ? " accepted" : " " + f.path("severity").asText())));
        return found;
    }

    @Test
    void anAcceptedFindingExits0AndStaysInTheReportWithItsReason() throws IOException {
        write("drop.sql", "-- keel:allow drop-table emptied and unused since release 4.2\nDROP TABLE users;\n");
        CliRun json = keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--format", "json").assertExit(0);
        assertEquals(List.of("drop-table@2 accepted"), findings(json), json::toString);
        JsonNode acceptance = json.json().path("findings").get(0).path("acceptance");
        assertEquals("emptied and unused since release 4.2", acceptance.path("reason").asText());
        assertEquals(1, acceptance.path("line").asInt());
        assertEquals("statement", acceptance.path("scope").asText());
        assertEquals(1, json.json().path("files").get(0).path("accepted").asInt());
        assertEquals(0, json.json().path("files").get(0).path("findings").asInt());

        JsonNode result = keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--format", "sarif").assertExit(0)
                .json().path("runs").get(0).path("results").get(0);
        assertEquals("drop-table", result.path("ruleId").asText());
        JsonNode suppression = result.path("suppressions").get(0);
        assertEquals("inSource", suppression.path("kind").asText());
        assertEquals("emptied and unused since release 4.2", suppression.path("justification").asText());

        CliRun text = keel(work, "lint", "drop.sql", "--dialect", "sqlite").assertExit(0);
        assertTrue(text.stdout().contains("0 finding(s), 0 error(s), 1 accepted by keel:allow"), text::toString);
    }

    @Test
    void planValidateAndMigrateShowWhatWasAcceptedAndWhy() throws IOException {
        Files.createDirectories(work.resolve("m"));
        Files.writeString(work.resolve("m/V1__a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("m/V2__drop.sql"), "-- keel:allow drop-table a was replaced by b in V1\nDROP TABLE a;\n",
                StandardCharsets.UTF_8);
        String url = "jdbc:sqlite:" + work.resolve("t.db");
        String line = "accepted m/V2__drop.sql:2: DROP TABLE a";
        String why = "[drop-table] (keel:allow on line 1: a was replaced by b in V1)";

        CliRun plan = keel(work, "plan", "--url", url, "--migrations", "m").assertExit(0);
        assertTrue(plan.stdout().contains(line) && plan.stdout().contains(why), plan::toString);
        JsonNode accepted = keel(work, "plan", "--url", url, "--migrations", "m", "--json").assertExit(0)
                .json().path("migrations").get(1).path("accepted");
        assertEquals(1, accepted.size(), accepted::toString);
        assertEquals("drop-table", accepted.get(0).path("ruleId").asText());
        assertEquals("a was replaced by b in V1", accepted.get(0).path("acceptance").path("reason").asText());
        assertEquals(0, keel(work, "plan", "--url", url, "--migrations", "m", "--json").json()
                .path("migrations").get(0).path("accepted").size());

        CliRun validate = keel(work, "validate", "--url", url, "--migrations", "m").assertExit(0);
        assertTrue(validate.stdout().contains(line), validate::toString);
        assertEquals(1, keel(work, "validate", "--url", url, "--migrations", "m", "--json").assertExit(0)
                .json().path("accepted").size());

        CliRun migrate = keel(work, "migrate", "--url", url, "--migrations", "m", "--yes").assertExit(0);
        assertTrue(migrate.stdout().contains(line) && migrate.stdout().contains(why), migrate::toString);
    }

    @Test
    void aFileAllowanceInAVersionedMigrationCoversEveryStatement() throws IOException {
        write("0001_cleanup.sql", "-- Author: ops\n-- keel:allow drop-table, drop-column the 2019 tables go\n\n"
                + "DROP TABLE a;\nALTER TABLE b DROP COLUMN c;\nDROP TABLE d;\n");
        CliRun run = keel(work, "lint", "0001_cleanup.sql", "--dialect", "sqlite", "--format", "json").assertExit(0);
        assertEquals(List.of("drop-table@4 accepted", "drop-column@5 accepted", "drop-table@6 accepted"), findings(run),
                run::toString);
        assertEquals("file", run.json().path("findings").get(0).path("acceptance").path("scope").asText());
    }

    @Test
    void anAllowWithoutReasonIsAnErrorNamingItsLine() throws IOException {
        write("drop.sql", "CREATE TABLE t (id INTEGER);\n-- keel:allow drop-table\nDROP TABLE users;\n");
        CliRun run = keel(work, "lint", "drop.sql", "--dialect", "sqlite").assertExit(3);
        assertTrue(run.stdout().contains("drop.sql:2:1: error: "), run::toString);
        assertTrue(run.stdout().contains("gives no reason. [keel-allow-invalid]"), run::toString);
        assertTrue(run.stdout().contains("help: Write why the finding is acceptable"), run::toString);
        assertTrue(run.stdout().contains("[drop-table]"), "the finding it meant to accept still counts: " + run);
    }

    @Test
    void unknownAndUnusedAllowsAreWarningsThatDoNotChangeTheExitCode() throws IOException {
        write("clean.sql", "-- keel:allow drop-tabel, rename-column reviewed by the DBA\nCREATE TABLE t (id INTEGER);\n");
        CliRun run = keel(work, "lint", "clean.sql", "--dialect", "sqlite", "--format", "json").assertExit(0);
        assertEquals(List.of("keel-allow-unknown@1 warning", "keel-allow-unused@1 warning"), findings(run), run::toString);
        String unknown = run.json().path("findings").get(0).path("message").asText();
        assertTrue(unknown.contains("'drop-tabel'"), unknown);
        assertTrue(run.json().path("findings").get(0).path("remediation").asText().contains("keel lint --rules"));
    }

    @Test
    void keelYamlChangesSeverityAndDisablesRulesPerEnvironment() throws IOException {
        write("keel.yaml", """
                rules:
                  severity: { drop-table: warning }
                environments:
                  production:
                    rules:
                      severity: { drop-table: error }
                  ci:
                    rules:
                      disable: [drop-table]
                """);
        write("drop.sql", "DROP TABLE users;\n");
        CliRun development = keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--json").assertExit(0);
        assertEquals(List.of("drop-table@1 warning"), findings(development), development::toString);
        CliRun production = keel(work, Map.of("KEEL_ENV", "production"), "lint", "drop.sql", "--dialect", "sqlite",
                "--json").assertExit(3);
        assertEquals(List.of("drop-table@1 error"), findings(production), production::toString);
        CliRun ci = keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--json", "--env", "ci").assertExit(0);
        assertEquals(List.of(), findings(ci), ci::toString);
        assertEquals("high", ci.json().path("risk").asText(), "a disabled rule leaves the statement's baseline risk");
    }

    @Test
    void anUnknownRuleInKeelYamlStopsEveryCommandWithItsPlace() throws IOException {
        write("keel.yaml", "environments:\n  development:\n    rules:\n      disable: [drop-tabel]\n");
        write("drop.sql", "DROP TABLE users;\n");
        for (String[] args : List.of(new String[] {"lint", "drop.sql", "--dialect", "sqlite", "--json"},
                new String[] {"status", "--url", "jdbc:sqlite:" + work.resolve("app.db"), "--json"})) {
            CliRun run = keel(work, args).assertExit(2);
            JsonNode problem = run.problem("KEEL-E0108");
            assertEquals(4, problem.path("line").asInt(), run::toString);
            assertTrue(problem.path("what").asText().contains("'environments.development.rules.disable' names the rule "
                    + "'drop-tabel'"), run::toString);
        }
        assertFalse(Files.exists(work.resolve("app.db")), "nothing ran");
    }

    @Test
    void rulesListsEveryRuleAsTheEnvironmentRunsIt() throws IOException {
        write("keel.yaml", "rules:\n  disable: [drop-table]\n  severity: { rename-column: error }\n");
        CliRun run = keel(work, "lint", "--rules", "--dialect", "sqlite", "--json").assertExit(0);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        run.json().path("rules").forEach(r -> byId.put(r.path("id").asText(), r));
        assertFalse(byId.get("drop-table").path("enabled").asBoolean(), run::toString);
        assertEquals("error", byId.get("rename-column").path("severity").asText());
        assertTrue(byId.get("drop-column").path("enabled").asBoolean());
        CliRun text = keel(work, "lint", "--rules", "--dialect", "sqlite").assertExit(0);
        assertTrue(text.stdout().contains("off drop-table error, risk high"), text::toString);
    }

    @Test
    void fixWithoutSchemaAndSchemaWithFilesOrSarifAreUsageErrors() throws IOException {
        write("keel.yaml", "url: jdbc:sqlite:app.db\n");
        CliRun fix = keel(work, "lint", "--fix").assertExit(2);
        assertTrue(fix.stderr().contains("--fix applies schema-policy fixes and needs --schema"), fix::toString);
        CliRun sarif = keel(work, "lint", "--schema", "--format", "sarif").assertExit(2);
        assertTrue(sarif.stderr().contains("KEEL-E0104"), sarif::toString);
        assertFalse(Files.exists(work.resolve("app.db")), "nothing connected");
    }

    @Test
    void rulesAlsoListsTheSchemaPoliciesWithTheirPackAndFix() throws IOException {
        write("keel.yaml", "rules:\n  packs: [type-normalisation]\n  fix: [type-normalisation]\n"
                + "  disable: [mysql-float-double]\n  severity: { mysql-utf8mb4: error }\n");
        CliRun run = keel(work, "lint", "--rules", "--dialect", "mysql", "--json").assertExit(0);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        run.json().path("policies").forEach(p -> byId.put(p.path("id").asText(), p));
        assertEquals(7, byId.size(), run::toString);
        assertTrue(byId.get("mysql-int-bigint").path("enabled").asBoolean(), run::toString);
        assertTrue(byId.get("mysql-int-bigint").path("fix").asBoolean(), run::toString);
        assertEquals("type-normalisation", byId.get("mysql-int-bigint").path("pack").asText());
        assertFalse(byId.get("mysql-float-double").path("enabled").asBoolean(), run::toString);
        assertEquals("error", byId.get("mysql-utf8mb4").path("severity").asText());
        CliRun text = keel(work, "lint", "--rules", "--dialect", "mysql").assertExit(0);
        assertTrue(text.stdout().contains("on  mysql-int-bigint warning, risk medium (pack type-normalisation, fixed),"
                + " schema policy for mysql"), text::toString);
    }
}
