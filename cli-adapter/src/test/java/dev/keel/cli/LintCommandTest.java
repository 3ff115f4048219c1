package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §9 {@code keel lint}: no database, text / compact / JSON / SARIF reports, exit 3 on an error finding. */
class LintCommandTest {

    @TempDir
    Path work;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(work.resolve("drop.sql"), "-- cleanup\nDROP TABLE users;\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("clean.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n", StandardCharsets.UTF_8);
    }

    @Test
    void textReportsOneLinePerFindingAndExits3() {
        CliRun run = keel(work, "lint", "drop.sql", "--dialect", "sqlite").assertExit(3);
        assertTrue(run.stdout().contains("drop.sql:2:1: error: "), run::toString);
        assertTrue(run.stdout().contains("[drop-table]"), run::toString);
        assertTrue(run.stdout().contains("help:"), run::toString);
        assertFalse(Files.exists(work.resolve("users")), "no database is touched");
    }

    @Test
    void textShowsTheStatementsSourceLineWithACaretThenHelpAndDocs() {
        String out = keel(work, "lint", "drop.sql", "--dialect", "sqlite").assertExit(3).stdout();
        assertTrue(out.contains("\n 2 | DROP TABLE users;\n   | ^\n  help: Stop using the table"), out);
        assertTrue(out.contains("  docs: docs/rules.md#drop-table"), out);
        assertTrue(out.strip().endsWith("1 file(s), 1 finding(s), 1 error(s); highest risk: high."), out);
    }

    @Test
    void compactIsOneLinePerFindingAndNothingElse() throws IOException {
        Files.writeString(work.resolve("two.sql"), "DROP TABLE a;\nINSERT INTO b VALUES (1);\n", StandardCharsets.UTF_8);
        CliRun run = keel(work, "lint", "two.sql", "--dialect", "sqlite", "--format", "compact").assertExit(3);
        List<String> lines = run.stdout().lines().toList();
        assertEquals(2, lines.size(), run::toString);
        assertTrue(lines.get(0).matches("two\\.sql:1:1: error: .+ \\[drop-table]"), lines.get(0));
        assertTrue(lines.get(1).matches("two\\.sql:2:1: info: .+ \\[insert-without-columns]"), lines.get(1));
    }

    @Test
    void coloursOnlyOnATerminalWithoutNoColorOrTheFlag() {
        assertTrue(onTerminal(Map.of(), "lint", "drop.sql", "--dialect", "sqlite").contains("\u001B["),
                "a terminal gets colours");
        assertFalse(onTerminal(Map.of("NO_COLOR", "1"), "lint", "drop.sql", "--dialect", "sqlite").contains("\u001B["),
                "NO_COLOR turns them off");
        assertTrue(onTerminal(Map.of("NO_COLOR", ""), "lint", "drop.sql", "--dialect", "sqlite").contains("\u001B["),
                "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(onTerminal(Map.of(), "lint", "drop.sql", "--dialect", "sqlite", "--no-color").contains("\u001B["),
                "--no-color turns them off");
        assertFalse(keel(work, "lint", "drop.sql", "--dialect", "sqlite").stdout().contains("\u001B["),
                "no terminal, no colours");
    }

    /** Stdout of {@code keel args…} run as if stdout were a terminal. */
    private String onTerminal(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> variables = new HashMap<>(CliRun.BASE_ENV);
        variables.putAll(env);
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new KeelCli(new CliEnvironment(stream, stream, variables, work, true)).run(args);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondLintReusesTheCachedResultsUntilAFileChangesAndNoCacheLintsAfresh() throws IOException {
        JsonNode first = keel(work, "lint", "drop.sql", "clean.sql", "--dialect", "sqlite", "--json").assertExit(3).json();
        JsonNode second = keel(work, "lint", "drop.sql", "clean.sql", "--dialect", "sqlite", "--json").assertExit(3).json();
        assertEquals(0, first.path("cachedFiles").asInt(), first::toString);
        assertEquals(2, second.path("cachedFiles").asInt(), second::toString);
        assertTrue(second.path("files").get(0).path("cached").asBoolean());
        assertEquals(first.path("findings"), second.path("findings"), "the same findings either way");
        assertTrue(Files.isDirectory(work.resolve(".keel/lint-cache")));

        Files.writeString(work.resolve("clean.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\n", StandardCharsets.UTF_8);
        JsonNode edited = keel(work, "lint", "drop.sql", "clean.sql", "--dialect", "sqlite", "--json").assertExit(3).json();
        assertTrue(edited.path("files").get(0).path("cached").asBoolean(), edited::toString);
        assertFalse(edited.path("files").get(1).path("cached").asBoolean(), "the edited file is linted again");

        JsonNode fresh = keel(work, "lint", "drop.sql", "clean.sql", "--dialect", "sqlite", "--json", "--no-cache")
                .assertExit(3).json();
        assertEquals(0, fresh.path("cachedFiles").asInt(), fresh::toString);
    }

    @Test
    void jsonHasTheFindingAndTheFileRisk() {
        CliRun run = keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--format", "json").assertExit(3);
        JsonNode json = run.json();
        assertEquals("lint", json.path("command").asText());
        JsonNode finding = json.path("findings").get(0);
        assertEquals("drop-table", finding.path("ruleId").asText(), run::toString);
        assertEquals("error", finding.path("severity").asText());
        assertEquals("high", finding.path("risk").asText());
        assertEquals("drop.sql", finding.path("file").asText());
        assertEquals(2, finding.path("line").asInt());
        assertEquals(1, finding.path("column").asInt());
        assertEquals("DROP TABLE users", finding.path("excerpt").asText());
        assertFalse(finding.path("message").asText().isBlank());
        assertFalse(finding.path("remediation").asText().isBlank());
        assertTrue(finding.path("docs").asText().contains("drop-table"));
        assertEquals("high", json.path("files").get(0).path("risk").asText());
    }

    @Test
    void sarifIsVersion210WithTheResult() {
        CliRun run = keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--format", "sarif").assertExit(3);
        JsonNode sarif = run.json();
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode runNode = sarif.path("runs").get(0);
        assertEquals("keel", runNode.path("tool").path("driver").path("name").asText());
        assertTrue(texts(runNode.path("tool").path("driver").path("rules"), "id").contains("drop-table"));
        JsonNode result = runNode.path("results").get(0);
        assertEquals("drop-table", result.path("ruleId").asText());
        assertEquals("error", result.path("level").asText());
        assertFalse(result.path("message").path("text").asText().isBlank());
        JsonNode physical = result.path("locations").get(0).path("physicalLocation");
        assertEquals("drop.sql", physical.path("artifactLocation").path("uri").asText());
        assertEquals(2, physical.path("region").path("startLine").asInt());
        assertEquals(1, physical.path("region").path("startColumn").asInt());
    }

    @Test
    void aCleanFileHasNoFindingsInAnyFormat() {
        CliRun text = keel(work, "lint", "clean.sql", "--dialect", "sqlite").assertExit(0);
        assertFalse(text.stdout().contains("[drop-table]"), text::toString);
        assertEquals(0, keel(work, "lint", "clean.sql", "--dialect", "sqlite", "--format", "json").assertExit(0)
                .json().path("findings").size());
        assertEquals(0, keel(work, "lint", "clean.sql", "--dialect", "sqlite", "--format", "sarif").assertExit(0)
                .json().path("runs").get(0).path("results").size());
    }

    @Test
    void withoutFilesTheConfiguredMigrationsAreLintedForTheUrlsDialect() throws IOException {
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_drop.sql"), "DROP TABLE users;\n", StandardCharsets.UTF_8);
        Path db = work.resolve("never-created.db");
        CliRun run = keel(work, "lint", "--format", "json", "--url", "jdbc:sqlite:" + db, "--migrations",
                migrations.toString()).assertExit(3);
        assertEquals("drop-table", run.json().path("findings").get(0).path("ruleId").asText(), run::toString);
        assertEquals("sqlite", run.json().path("dialect").asText());
        assertFalse(Files.exists(db), "lint opens no connection");
    }

    @Test
    void unknownFormatIsAUsageError() {
        keel(work, "lint", "drop.sql", "--dialect", "sqlite", "--format", "xml").assertExit(2);
    }

    @Test
    void unknownDialectIsAUsageError() {
        keel(work, "lint", "drop.sql", "--dialect", "oracle").assertExit(2);
    }
}
