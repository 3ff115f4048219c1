package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.sqlite;
import static dev.keel.cli.CliRun.texts;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §1/§6 on SQLite: migration 0003's second statement fails. Earlier migrations stay applied and recorded,
 * 0003 leaves nothing behind, later ones do not run, and the record says which statement failed and why.
 */
class MigrationFailureTest {

    static final String BROKEN_0003 = """
            CREATE TABLE t3a(id INTEGER);
            INSERT INTO missing_table VALUES (1);
            CREATE TABLE t3c(id INTEGER);
            """;
    static final String FIXED_0003 = """
            CREATE TABLE t3a(id INTEGER);
            INSERT INTO t3a VALUES (1);
            CREATE TABLE t3c(id INTEGER);
            """;

    @TempDir
    Path work;

    Path migrations;
    Path db;

    @BeforeEach
    void fiveMigrationsTheThirdBroken() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        db = work.resolve("db.sqlite");
        for (String n : List.of("1", "2", "4", "5")) {
            write("000" + n + "_t" + n + ".sql", "CREATE TABLE t" + n + "(id INTEGER);\n");
        }
        write("0003_three.sql", BROKEN_0003);
    }

    @Test
    void failureKeepsEarlierMigrationsAndRollsBackTheFailedOneWhole() {
        CliRun run = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(1);
        JsonNode problem = run.problem("KEEL-E0601");
        assertAll(
                () -> assertTrue(problem.path("file").asText().endsWith("0003_three.sql"), problem::toPrettyString),
                () -> assertEquals(2, problem.path("line").asInt(), problem::toPrettyString),
                () -> assertTrue(problem.path("what").asText().contains("statement 2"), problem::toPrettyString),
                () -> assertTrue(problem.path("what").asText().contains("missing_table"), problem::toPrettyString),
                () -> assertFalse(problem.path("fix").asText().isBlank(), problem::toPrettyString));

        assertEquals(List.of("t1", "t2"), SqliteDb.userTables(db), "1-2 applied; nothing of 0003 (t3a), 4-5 not run");

        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005"), texts(status.path("migrations"), "version"));
        assertEquals(List.of("applied", "applied"), texts(status.path("migrations"), "state").subList(0, 2));
        assertFalse(List.of("applied", "partial").contains(state(status, "0003")), status::toPrettyString);
        assertEquals("pending", state(status, "0004"));
        assertEquals("pending", state(status, "0005"));
        assertEquals("0002", status.path("current").asText());
    }

    @Test
    void historyRecordsWhichStatementFailedAndWhy() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(1);

        List<Map<String, Object>> history = SqliteDb.history(db);
        assertEquals(List.of("0001", "0002", "0003"), history.stream().map(r -> r.get("version")).toList());
        assertEquals(List.of("success", "success"), history.stream().limit(2).map(r -> r.get("status")).toList());
        Map<String, Object> failed = history.get(2);
        String error = String.valueOf(failed.get("error"));
        assertAll(
                () -> assertEquals("failed", failed.get("status")),
                () -> assertEquals(3, ((Number) failed.get("statements_total")).intValue()),
                () -> assertEquals(0, ((Number) failed.get("statements_applied")).intValue(), "rolled back: none remain"),
                () -> assertTrue(error.contains("statement 2"), error),
                () -> assertTrue(error.contains("no such table: missing_table"), error));
    }

    @Test
    void textOutputNamesFileLineAndStatement() {
        CliRun run = keel(work, sqlite(db, migrations, "migrate")).assertExit(1);
        assertAll(
                () -> assertTrue(run.stderr().contains("KEEL-E0601"), run::toString),
                () -> assertTrue(run.stderr().contains("0003_three.sql:2"), run::toString),
                () -> assertTrue(run.stderr().contains("statement 2"), run::toString),
                () -> assertTrue(run.stderr().contains("fix:"), run::toString));
    }

    @Test
    void statusShowsTheErrorOfTheLastFailedAttempt() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(1);

        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        JsonNode three = migration(status, "0003");
        assertTrue(three.path("error").asText().contains("statement 2"),
                () -> "status does not say what failed in 0003:\n" + three.toPrettyString());
    }

    @Test
    void atomicRunLeavesNothingOfTheRun() {
        CliRun run = keel(work, sqlite(db, migrations, "migrate", "--atomic", "--json")).assertExit(1);
        run.problem("KEEL-E0601");

        assertEquals(List.of(), SqliteDb.userTables(db), "no table of the run remains");
        assertTrue(SqliteDb.history(db).stream().noneMatch(r -> "success".equals(r.get("status"))),
                () -> "success rows after a failed --atomic run: " + SqliteDb.history(db));
        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertTrue(status.path("current").isNull(), status::toPrettyString);
        for (String version : List.of("0001", "0002", "0004", "0005")) {
            assertEquals("pending", state(status, version), version);
        }
    }

    @Test
    void afterFixingTheFileMigrateFinishes() throws IOException {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(1);
        write("0003_three.sql", FIXED_0003);

        JsonNode migrate = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(0).json();
        assertEquals(List.of("0003", "0004", "0005"), texts(migrate.path("applied"), "version"));
        assertEquals(List.of("t1", "t2", "t3a", "t3c", "t4", "t5"), SqliteDb.userTables(db));
        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertEquals(List.of("applied"), texts(status.path("migrations"), "state").stream().distinct().toList(),
                status::toPrettyString);
        keel(work, sqlite(db, migrations, "validate")).assertExit(0);
    }

    @Test
    void afterAFailedAtomicRunTheFixedRunAppliesEverything() throws IOException {
        keel(work, sqlite(db, migrations, "migrate", "--atomic")).assertExit(1);
        write("0003_three.sql", FIXED_0003);

        JsonNode migrate = keel(work, sqlite(db, migrations, "migrate", "--atomic", "--json")).assertExit(0).json();
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005"), texts(migrate.path("applied"), "version"));
        assertEquals(List.of("t1", "t2", "t3a", "t3c", "t4", "t5"), SqliteDb.userTables(db));
    }

    private static JsonNode migration(JsonNode status, String version) {
        for (JsonNode m : status.path("migrations")) {
            if (version.equals(m.path("version").asText())) {
                return m;
            }
        }
        throw new AssertionError("no " + version + " in " + status.toPrettyString());
    }

    private static String state(JsonNode status, String version) {
        return migration(status, version).path("state").asText();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(migrations.resolve(name), text, StandardCharsets.UTF_8);
    }
}
