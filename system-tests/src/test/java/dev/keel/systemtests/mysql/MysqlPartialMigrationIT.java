package dev.keel.systemtests.mysql;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.dialect.mysql.MysqlStatementSplitter;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.migration.Checksum;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §1 and §6 on a real MariaDB, through the packaged CLI: DDL commits statement by statement, so a migration
 * that fails at its fourth statement of five leaves a {@code partial} history row (3 of 5), exits 6 and prints the
 * recovery steps; once the failed statement is fixed in the file, {@code keel migrate} runs statements 4 and 5 only
 * and the row becomes {@code success}; if a statement that was already applied is edited instead, the run is
 * refused with KEEL-E0309 and nothing runs.
 */
class MysqlPartialMigrationIT {

    /** Statement 1 and 3 cannot run twice (the table and the index would exist), which proves what a resume skipped. */
    private static final List<String> FIVE = List.of(
            "CREATE TABLE customers (\n  id BIGINT NOT NULL PRIMARY KEY,\n  name VARCHAR(100) NOT NULL\n) ENGINE=InnoDB",
            "CREATE TABLE orders (\n  id BIGINT NOT NULL PRIMARY KEY,\n  customer_id BIGINT NOT NULL,\n"
                    + "  total DECIMAL(10,2) NOT NULL DEFAULT 0\n)",
            "CREATE INDEX orders_customer_ix ON orders (customer_id)",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customerz (id)",
            "ALTER TABLE customers ADD COLUMN email VARCHAR(200) NULL");
    private static final String BROKEN = "REFERENCES customerz (id)";
    private static final String FIXED = "REFERENCES customers (id)";

    @TempDir
    Path dir;

    private TestDatabase database;
    private DatabaseProbe probe;
    private Path migrations;
    private Path fiveFile;

    @BeforeEach
    void setUp() throws IOException {
        database = DatabaseProvisioning.mysql();
        probe = DatabaseProbe.mysql(database);
        migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__settings.sql"),
                "-- Description: the first migration, applied in full\nCREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v TEXT);\n",
                StandardCharsets.UTF_8);
        fiveFile = migrations.resolve("V2__customers_and_orders.sql");
        write(FIVE);
    }

    @AfterEach
    void tearDown() {
        if (probe != null) {
            probe.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void failureAtStatementFourLeavesPartialRowExit6AndResumesAfterTheFix() throws IOException {
        // 1. Fails at statement 4 of 5: exit 6, text output names the problem and the recovery steps.
        KeelRun failed = keel("migrate");
        assertEquals(6, failed.exitCode(), failed::toString);
        assertTrue(failed.stderr().contains("KEEL-E0602"), failed::toString);
        assertTrue(failed.stderr().contains("statements 1-3 of 5 were committed"), failed::toString);
        assertTrue(failed.stderr().contains("fix: Either fix statement 4 in the file and run 'keel migrate'"), failed::toString);
        assertTrue(failed.stderr().contains("keel repair"), failed::toString);
        assertEquals(List.of("1=success 1/1", "2=partial 3/5"), probe.history());
        assertTrue(probe.tableExists("customers") && probe.tableExists("orders"), "statements 1 and 2 are committed");
        assertEquals(1, probe.count("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND index_name = 'orders_customer_ix'"), "statement 3 is committed");
        assertEquals(List.of("id", "name"), probe.columns("customers"), "statement 5 never ran");
        assertTrue(probe.query("SELECT error FROM keel_schema_history WHERE version = '2'").get(0).text("error")
                .orElse("").contains("statement 4 of 5"), "the row says which statement failed");

        // 2. The same again as JSON: the problem with code, place and fix; still 3 of 5 (1-3 were not re-run:
        //    statement 1 would fail with "table exists").
        KeelRun again = keel("migrate", "--json");
        assertEquals(6, again.exitCode(), again::toString);
        JsonNode problem = again.problems().get(0);
        assertAll(() -> assertEquals("KEEL-E0602", problem.path("code").asText()),
                () -> assertEquals(6, again.json().path("exitCode").asInt()),
                () -> assertEquals(lineOfStatement(4), problem.path("line").asInt(), "line of statement 4"),
                () -> assertTrue(problem.path("file").asText().endsWith("V2__customers_and_orders.sql")),
                () -> assertTrue(problem.path("what").asText().contains("statement 4 of 5"), problem::toString),
                () -> assertTrue(problem.path("fix").asText().contains("resume after statement 3"), problem::toString),
                () -> assertTrue(problem.path("fix").asText().contains("undo statements 1-3 by hand"), problem::toString));
        assertEquals(List.of("1=success 1/1", "2=partial 3/5"), probe.history());

        // 3. status shows the partial migration and where it stopped.
        KeelRun status = keel("status", "--json");
        assertEquals(0, status.exitCode(), status::toString);
        JsonNode v2 = migration(status.json(), "2");
        assertEquals("partial", v2.path("state").asText(), v2::toString);
        assertEquals(3, v2.path("statementsApplied").asInt());
        assertEquals(5, v2.path("statementsTotal").asInt());

        // 4. Fix statement 4 in the file: migrate runs statements 4 and 5 only, and the row becomes success.
        Files.writeString(fiveFile, Files.readString(fiveFile).replace(BROKEN, FIXED), StandardCharsets.UTF_8);
        KeelRun resumed = keel("migrate", "--json");
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertEquals(List.of("2"), resumed.appliedVersions());
        assertEquals(List.of("1=success 1/1", "2=success 5/5"), probe.history(), "the attempt's row is completed, not duplicated");
        assertEquals(List.of("id", "name", "email"), probe.columns("customers"), "statement 5 ran");
        assertEquals(1, probe.count("SELECT COUNT(*) FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = DATABASE() AND constraint_name = 'orders_customer_fk'"), "statement 4 ran");
        assertFalse(probe.query("SELECT error FROM keel_schema_history WHERE version = '2'").get(0).text("error")
                .isPresent(), "the error is cleared");
        String checksum = probe.query("SELECT checksum FROM keel_schema_history WHERE version = '2'").get(0)
                .text("checksum").orElseThrow();
        assertEquals(Checksum.of(Files.readString(fiveFile)).hex(), checksum,
                "the row records the fixed file");

        // 5. Nothing is pending any more, and validation is clean.
        KeelRun nothing = keel("migrate", "--json");
        assertEquals(0, nothing.exitCode(), nothing::toString);
        assertEquals(List.of(), nothing.appliedVersions());
        KeelRun clean = keel("status", "--json");
        assertEquals(0, clean.json().path("problems").size(), clean::toString);
        assertTrue(clean.json().path("drift").isMissingNode(), clean::toString);
    }

    @Test
    void editingAStatementThatWasAlreadyAppliedIsRefusedAndNothingRuns() throws IOException {
        KeelRun failed = keel("migrate", "--json");
        assertEquals(6, failed.exitCode(), failed::toString);
        SchemaFingerprint before = probe.fingerprint();
        List<String> historyBefore = probe.history();

        // Edit statement 2 (applied) — and fix statement 4 too, which alone would have allowed a resume.
        List<String> edited = new ArrayList<>(FIVE);
        edited.set(1, FIVE.get(1).replace("DECIMAL(10,2)", "DECIMAL(12,2)"));
        edited.set(3, FIVE.get(3).replace(BROKEN, FIXED));
        write(edited);

        KeelRun refused = keel("migrate", "--json");
        assertEquals(3, refused.exitCode(), refused::toString);
        JsonNode problem = refused.problems().get(0);
        assertAll(() -> assertEquals("KEEL-E0309", problem.path("code").asText(), refused::toString),
                () -> assertEquals(lineOfStatement(2), problem.path("line").asInt(), "points at statement 2"),
                () -> assertTrue(problem.path("what").asText().contains("Statement 2"), problem::toString),
                () -> assertTrue(problem.path("what").asText().contains("statements 1-3 ran"), problem::toString),
                () -> assertTrue(problem.path("fix").asText().contains("Restore statements 1-3"), problem::toString));
        assertEquals(historyBefore, probe.history(), "history unchanged");
        assertEquals(before.canonicalText(), probe.fingerprint().canonicalText(), "nothing ran");
        assertEquals(List.of("id", "name"), probe.columns("customers"));

        // In text mode the refusal goes to stderr with its fix, exit 3.
        KeelRun text = keel("migrate");
        assertEquals(3, text.exitCode(), text::toString);
        assertTrue(text.stderr().contains("KEEL-E0309") && text.stderr().contains("fix:"), text::toString);

        // Putting statement 2 back as it was applied lets the migration resume.
        write(new ArrayList<>(List.of(FIVE.get(0), FIVE.get(1), FIVE.get(2), FIVE.get(3).replace(BROKEN, FIXED), FIVE.get(4))));
        KeelRun resumed = keel("migrate", "--json");
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertEquals(List.of("1=success 1/1", "2=success 5/5"), probe.history());
    }

    /**
     * A row change and its progress row commit together: when the progress write after the {@code INSERT} fails
     * (a trigger on the history table refuses it, standing in for a crash between the two), the inserted rows are
     * gone with it, and history and tables still agree on "1 of 3 applied". Before, the rows stayed while history
     * counted one statement, and a resume would have inserted them twice.
     */
    @Test
    void aRowChangeCommitsTogetherWithItsProgressRow() throws IOException {
        Files.delete(fiveFile);
        assertEquals(0, keel("migrate").exitCode(), "V1 applied, history table created");
        probe.execute("CREATE TRIGGER refuse_progress BEFORE UPDATE ON keel_schema_history FOR EACH ROW"
                + " BEGIN IF NEW.version = '2' AND NEW.statements_applied = 2 THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'progress write refused'; END IF; END");
        Files.writeString(migrations.resolve("V2__notes.sql"), """
                CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20) NOT NULL) ENGINE=InnoDB;
                INSERT INTO notes (id, body) VALUES (1, 'one'), (2, 'two');
                CREATE INDEX notes_body_ix ON notes (body);
                """, StandardCharsets.UTF_8);

        KeelRun refused = keel("migrate");
        assertTrue(refused.exitCode() != 0, refused::toString);
        assertTrue(refused.stderr().contains("progress write refused"), refused::toString);
        assertTrue(probe.tableExists("notes"), "statement 1 (DDL) committed on its own");
        assertEquals(0, probe.count("SELECT COUNT(*) FROM notes"), "the INSERT went with its refused progress row");
        assertEquals(List.of("1=success 1/1", "2=partial 1/3"), probe.history());

        // Once the progress row can be written, the migration resumes at the INSERT and inserts each row once.
        probe.execute("DROP TRIGGER refuse_progress");
        KeelRun resumed = keel("migrate");
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertEquals(2, probe.count("SELECT COUNT(*) FROM notes"));
        assertEquals(List.of("1=success 1/1", "2=success 3/3"), probe.history());
    }

    private KeelRun keel(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(options));
        args.addAll(KeelProcess.target(database, migrations));
        return KeelProcess.run(dir, args);
    }

    private void write(List<String> statements) throws IOException {
        StringBuilder text = new StringBuilder("-- Description: five DDL statements; MySQL commits each on its own\n");
        for (String s : statements) {
            text.append(s).append(";\n\n");
        }
        Files.writeString(fiveFile, text.toString(), StandardCharsets.UTF_8);
    }

    /** The line of the file on which statement {@code n} (1-based) starts. */
    private int lineOfStatement(int n) throws IOException {
        return new MysqlStatementSplitter().split(Files.readString(fiveFile), "f", 1).get(n - 1).line();
    }

    private static JsonNode migration(JsonNode status, String version) {
        for (JsonNode m : status.path("migrations")) {
            if (version.equals(m.path("version").asText())) {
                return m;
            }
        }
        throw new AssertionError("no migration " + version + " in " + status);
    }
}
