package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §9 {@code keel lint}: no database, text / JSON / SARIF reports, exit 3 on an error finding. */
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
