package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.sqlite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4: applied files are checked against history before anything runs. Each finding makes {@code validate}
 * exit 3 with its stable code, and makes {@code migrate} exit 3 without touching the database, even though a
 * valid pending migration ({@code 0006_t6.sql}) is waiting.
 */
class HistoryValidationTest {

    @TempDir
    Path work;

    Path migrations;
    Path db;
    SqliteDb.State applied;

    @BeforeEach
    void applyFourMigrations() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        db = work.resolve("db.sqlite");
        for (String version : List.of("0001", "0002", "0003", "0005")) {
            write(version + "_t" + version.substring(3) + ".sql", "CREATE TABLE t" + version.substring(3) + "(id INTEGER);\n");
        }
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        assertEquals(4, SqliteDb.history(db).size());
        write("0006_t6.sql", "CREATE TABLE t6(id INTEGER);\n");
        applied = SqliteDb.state(db);
    }

    @Test
    void editedAppliedFileIsModified() throws IOException {
        write("0002_t2.sql", "CREATE TABLE t2(id INTEGER, name TEXT);\n");

        JsonNode problem = validateFails("KEEL-E0301");
        assertTrue(problem.path("file").asText().endsWith("0002_t2.sql"), problem::toPrettyString);
        assertTrue(problem.path("what").asText().contains("0002_t2.sql"), problem::toPrettyString);
        assertTrue(problem.path("what").asText().contains("modified"), problem::toPrettyString);
        assertFixPresent(problem);
        CliRun text = keel(work, sqlite(db, migrations, "validate")).assertExit(3);
        assertTrue(text.stderr().contains("KEEL-E0301") && text.stderr().contains("0002_t2.sql")
                && text.stderr().contains("modified"), text::toString);
        migrateRefusedAndNothingChanged("KEEL-E0301");
    }

    @Test
    void crlfCheckoutOfAnAppliedFileIsNotModified() throws IOException {
        Files.writeString(migrations.resolve("0002_t2.sql"), "CREATE TABLE t2(id INTEGER);\r\n", StandardCharsets.UTF_8);

        JsonNode validate = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(0).json();
        assertEquals(0, validate.path("problems").size(), validate::toPrettyString);
        assertTrue(validate.path("ok").asBoolean());
    }

    @Test
    void bomAddedToAnAppliedFileIsNotModified() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "CREATE TABLE t3(id INTEGER);\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(text, 0, both, bom.length, text.length);
        Files.write(migrations.resolve("0003_t3.sql"), both);

        JsonNode validate = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(0).json();
        assertEquals(0, validate.path("problems").size(), validate::toPrettyString);
    }

    @Test
    void renamedAppliedFileIsExactlyOneRenamedFindingNamingBothNames() throws IOException {
        Files.move(migrations.resolve("0003_t3.sql"), migrations.resolve("0003_third_table.sql"));

        CliRun run = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(3);
        assertEquals(List.of("KEEL-E0303"), run.problemCodes(), run::toString);
        String what = run.problem("KEEL-E0303").path("what").asText();
        assertTrue(what.contains("renamed") && what.contains("0003_t3.sql") && what.contains("0003_third_table.sql"),
                what);
        assertFixPresent(run.problem("KEEL-E0303"));
        migrateRefusedAndNothingChanged("KEEL-E0303");
    }

    @Test
    void renamedToAnotherVersionIsStillOneRenamedFinding() throws IOException {
        Files.move(migrations.resolve("0003_t3.sql"), migrations.resolve("V9__t3.sql"));

        CliRun run = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(3);
        assertEquals(List.of("KEEL-E0303"), run.problemCodes(), run::toString);
        String what = run.problem("KEEL-E0303").path("what").asText();
        assertTrue(what.contains("renamed") && what.contains("0003_t3.sql") && what.contains("V9__t3.sql"), what);
        migrateRefusedAndNothingChanged("KEEL-E0303");
    }

    @Test
    void deletedAppliedFileIsMissing() throws IOException {
        Files.delete(migrations.resolve("0005_t5.sql"));

        JsonNode problem = validateFails("KEEL-E0302");
        assertTrue(problem.path("what").asText().contains("missing"), problem::toPrettyString);
        assertTrue(problem.path("what").asText().contains("0005_t5.sql"), problem::toPrettyString);
        assertFixPresent(problem);
        migrateRefusedAndNothingChanged("KEEL-E0302");
    }

    @Test
    void twoPendingFilesWithOneVersionAreAnErrorNamingBoth() throws IOException {
        write("0007_a.sql", "CREATE TABLE a7(id INTEGER);\n");
        write("V7__b.sql", "CREATE TABLE b7(id INTEGER);\n");

        JsonNode problem = validateFails("KEEL-E0209");
        String what = problem.path("what").asText();
        assertTrue(what.contains("0007_a.sql") && what.contains("V7__b.sql"), what);
        assertFixPresent(problem);
        migrateRefusedAndNothingChanged("KEEL-E0209");
    }

    @Test
    void versionsEqualAfterLeadingZerosAreDuplicates() throws IOException {
        write("007_a.sql", "CREATE TABLE a7(id INTEGER);\n");
        write("7_b.sql", "CREATE TABLE b7(id INTEGER);\n");

        String what = validateFails("KEEL-E0209").path("what").asText();
        assertTrue(what.contains("007_a.sql") && what.contains("7_b.sql"), what);
        migrateRefusedAndNothingChanged("KEEL-E0209");
    }

    @Test
    void duplicateOfAnAppliedVersionDoesNotReportThePresentFileAsMissing() throws IOException {
        write("V2__other.sql", "CREATE TABLE other2(id INTEGER);\n");

        CliRun run = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(3);
        String what = run.problem("KEEL-E0209").path("what").asText();
        assertTrue(what.contains("0002_t2.sql") && what.contains("V2__other.sql"), what);
        assertFalse(run.problemCodes().contains("KEEL-E0302"),
                () -> "0002_t2.sql is present, yet reported missing:\n" + run);
        migrateRefusedAndNothingChanged("KEEL-E0209");
    }

    @Test
    void newFileOlderThanTheNewestAppliedIsOutOfOrder() throws IOException {
        write("0004_late.sql", "CREATE TABLE late4(id INTEGER);\n");

        JsonNode problem = validateFails("KEEL-E0304");
        assertTrue(problem.path("file").asText().endsWith("0004_late.sql"), problem::toPrettyString);
        assertTrue(problem.path("what").asText().contains("out of order"), problem::toPrettyString);
        assertFixPresent(problem);
        migrateRefusedAndNothingChanged("KEEL-E0304");
        assertFalse(SqliteDb.hasTable(db, "late4"));
    }

    @Test
    void withoutFindingsThePendingMigrationApplies() {
        JsonNode migrate = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(0).json();
        assertEquals(List.of("0006"), CliRun.texts(migrate.path("applied"), "version"));
        assertTrue(SqliteDb.hasTable(db, "t6"));
    }

    /** validate --json exits 3, and its problems include {@code code}; returns that problem. */
    private JsonNode validateFails(String code) {
        CliRun run = keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(3);
        assertFalse(run.json().path("ok").asBoolean(), run::toString);
        return run.problem(code);
    }

    /** migrate exits 3 with {@code code}, and neither the schema nor history moved (0006 is not applied). */
    private void migrateRefusedAndNothingChanged(String code) {
        CliRun run = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(3);
        run.problem(code);
        assertEquals(applied, SqliteDb.state(db), () -> "database changed by a refused migrate:\n" + run);
        assertFalse(SqliteDb.hasTable(db, "t6"));
        CliRun text = keel(work, sqlite(db, migrations, "migrate")).assertExit(3);
        assertTrue(text.stderr().contains(code), text::toString);
        assertEquals(applied, SqliteDb.state(db));
    }

    private static void assertFixPresent(JsonNode problem) {
        assertFalse(problem.path("fix").asText().isBlank(), () -> "no fix in " + problem.toPrettyString());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(migrations.resolve(name), text, StandardCharsets.UTF_8);
    }
}
