package dev.keel.systemtests.rollback;

import static dev.keel.systemtests.rollback.Project.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 (rollback) on one dialect, through the packaged {@code keel} as a process in environment {@code production}
 * (no snapshot): acceptance 1 (five migrations with data, {@code rollback --steps 2} gives back the schema
 * fingerprint recorded after migration 3, the two history rows are {@code rolled_back} with {@code rolled_back_at},
 * {@code migrate} applies them again), 2 (the plan measures on the live database the rows of a dropped table, the
 * non-null values of a dropped column and the rows a {@code DELETE … WHERE} matches, in text and JSON), 5
 * ({@code --dry-run} prints plan and statements and changes nothing) and the risk gate (without a terminal and
 * without {@code --yes} a high-risk rollback exits 4 and changes nothing). Each dialect's class gives the database.
 */
abstract class RollbackContract {

    @TempDir
    Path dir;

    Db db;
    Project project;

    /** A new, empty database of the dialect under test. */
    abstract Db newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        db = newDatabase(dir.resolve("db"));
        project = Project.targeting(dir.resolve("project"), db).environment("production");
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (db != null) {
            db.close();
        }
    }

    @Test
    void rollingBackTwoStepsGivesBackTheSchemaOfMigrationThreeAndMigrateAppliesThemAgain() {
        RollbackMigrations.shop(project);
        ok(timed(db.dialect() + " migrate --target 3", () -> project.keel("migrate", "--yes", "--target", "3")));
        String afterThree = db.fingerprint();
        ok(project.keel("migrate", "--yes"));
        Db.State afterFive = db.state();
        assertEquals(List.of("0001=success", "0002=success", "0003=success", "0004=success", "0005=success"),
                afterFive.history());
        assertNotEquals(afterThree, afterFive.fingerprint(), "migrations 4 and 5 change the schema");

        // Acceptance 5: the dry run prints the plan and every statement, and changes nothing.
        KeelRun dry = ok(timed(db.dialect() + " rollback --steps 2 --dry-run",
                () -> project.keel("rollback", "--steps", "2", "--dry-run", "--no-color")));
        for (String expected : List.of("Rollback plan", "0005", "0004", "risk high", "version 0003 stays current",
                "DELETE FROM customers WHERE id = 4", "ALTER TABLE orders DROP COLUMN status", "DROP TABLE invoices",
                "drops table invoices: 3 rows", "Dry run")) {
            assertTrue(dry.stdout().contains(expected), () -> "the dry run prints '" + expected + "'\n" + dry);
        }
        assertTrue(dry.stdout().indexOf("0005") < dry.stdout().indexOf("0004"), () -> "newest first\n" + dry);
        assertEquals(afterFive, db.state(), "a dry run changes nothing");

        // The risk gate: DROP TABLE is high, production asks from medium; no terminal and no --yes: refused. (The migrate
        // runs of this contract apply medium-risk migrations in production, so they pass --yes.)
        KeelRun refused = project.keel("rollback", "--steps", "2");
        assertEquals(4, refused.exitCode(), () -> "refused: needs confirmation\n" + refused);
        assertTrue(refused.output().contains("KEEL-E0401"), refused::toString);
        assertEquals(afterFive, db.state(), "a refused rollback changes nothing");
        assertTrue(project.audit("run").stream().noneMatch(e -> e.path("command").asText().equals("rollback")),
                () -> "a refused rollback did not run: " + project.audit());

        // Acceptance 1: the rollback itself.
        KeelRun rolledBack = ok(timed(db.dialect() + " rollback --steps 2 --yes",
                () -> project.keel("rollback", "--steps", "2", "--yes", "--json")));
        JsonNode report = rolledBack.json();
        assertEquals(List.of("0005", "0004"), texts(report.path("rolledBack")), rolledBack::toString);
        assertEquals("0003", report.path("remaining").asText(), rolledBack::toString);
        // Production takes no snapshot: transactions where DDL is transactional, else statement by statement.
        boolean mysql = db.dialect().equals("mysql");
        assertEquals(mysql ? "unprotected" : "transaction", report.path("protection").path("kind").asText(),
                rolledBack::toString);
        for (JsonNode step : list(report.path("steps"))) {
            assertEquals(mysql ? "none" : "transaction", step.path("protection").asText(), rolledBack::toString);
        }
        assertEquals(afterThree, db.fingerprint(), "the schema after rolling back 5 and 4 is the one after 3");
        assertEquals(List.of("0001=success", "0002=success", "0003=success", "0004=rolled_back@", "0005=rolled_back@"),
                db.history(), "both rows kept, marked rolled_back with rolled_back_at");
        assertEquals(3, db.count("SELECT COUNT(*) AS n FROM customers"), "5's DOWN deleted the customer 5 added");
        assertTrue(project.audit("confirmation").stream().anyMatch(e -> e.path("by").asText().equals("yes_flag")
                && e.path("command").asText().equals("rollback")),
                () -> "the --yes confirmation is audited: " + project.audit());

        KeelRun again = ok(timed(db.dialect() + " migrate (re-apply 4 and 5)", () -> project.keel("migrate", "--yes", "--json")));
        assertEquals(List.of("0004", "0005"), again.appliedVersions(), again::toString);
        assertEquals(List.of("0001=success", "0002=success", "0003=success", "0004=rolled_back@", "0005=rolled_back@",
                "0004=success", "0005=success"), db.history());
        assertEquals(afterFive.fingerprint(), db.fingerprint(), "re-applied: the schema after 5 again");
        assertEquals(4, db.count("SELECT COUNT(*) AS n FROM customers"));
    }

    @Test
    void thePlanMeasuresOnTheLiveDatabaseWhatEachDownDestroys() {
        RollbackMigrations.loss(project);
        ok(project.keel("migrate", "--yes"));
        RollbackMigrations.lossData(db);
        Db.State before = db.state();

        KeelRun planned = ok(timed(db.dialect() + " rollback --to 0 --dry-run --json",
                () -> project.keel("rollback", "--to", "0", "--dry-run", "--json")));
        JsonNode plan = planned.json();
        assertTrue(plan.path("dryRun").asBoolean(), planned::toString);
        assertEquals("high", plan.path("risk").asText(), planned::toString);
        List<JsonNode> steps = list(plan.path("steps"));
        assertEquals(List.of("0004", "0003", "0002", "0001"), steps.stream().map(s -> s.path("version").asText()).toList(),
                planned::toString);
        assertEquals(List.of(), texts(plan.path("rolledBack")), planned::toString);

        // 4: DELETE … WHERE: the rows it matches now.
        assertLoss(steps.get(0), 1, "rows_deleted", "events", null, RollbackMigrations.DEBUG_EVENTS, "33 rows", planned);
        // 3: DROP COLUMN: its non-null values.
        assertLoss(steps.get(1), 1, "column_dropped", "people", "note", RollbackMigrations.NOTES,
                "100 non-null values", planned);
        // 2: two tables dropped, each with its rows.
        List<JsonNode> two = list(steps.get(2).path("dataLoss"));
        assertEquals(2, two.size(), planned::toString);
        assertLossEntry(two.get(0), 1, "table_dropped", "events", null, RollbackMigrations.EVENTS + 4, "124 rows", planned);
        assertLossEntry(two.get(1), 2, "table_dropped", "people", null, RollbackMigrations.PEOPLE, "150 rows", planned);
        // 1: the big table.
        assertLoss(steps.get(3), 1, "table_dropped", "big", null, RollbackMigrations.BIG_ROWS, "12,345 rows", planned);
        assertEquals(RollbackMigrations.DEBUG_EVENTS, db.count("SELECT COUNT(*) AS n FROM events WHERE kind = 'debug'"),
                "the estimate is the count on the database");

        KeelRun text = ok(project.keel("rollback", "--to", "0", "--dry-run", "--no-color"));
        for (String expected : List.of("drops table big: 12,345 rows", "drops column people.note: 100 non-null values",
                "events matching its WHERE: 33 rows", "DELETE FROM events WHERE kind = 'debug'", "Dry run")) {
            assertTrue(text.stdout().contains(expected), () -> "the text plan says '" + expected + "'\n" + text);
        }
        assertEquals(before, db.state(), "planning changes nothing");
        assertEquals(RollbackMigrations.BIG_ROWS, db.count("SELECT COUNT(*) AS n FROM big"));
    }

    /** Asserts a step has exactly one data-loss entry, as given. */
    private static void assertLoss(JsonNode step, int statement, String kind, String table, String column, long amount,
            String words, KeelRun run) {
        List<JsonNode> losses = list(step.path("dataLoss"));
        assertEquals(1, losses.size(), () -> "one data-loss entry in step " + step.path("version") + "\n" + run);
        assertLossEntry(losses.get(0), statement, kind, table, column, amount, words, run);
    }

    private static void assertLossEntry(JsonNode loss, int statement, String kind, String table, String column,
            long amount, String words, KeelRun run) {
        String where = loss + "\n" + run;
        assertEquals(statement, loss.path("statement").asInt(), where);
        assertEquals(kind, loss.path("kind").asText(), where);
        assertEquals(table, loss.path("table").asText(), where);
        if (column == null) {
            assertTrue(loss.path("column").isNull(), where);
        } else {
            assertEquals(column, loss.path("column").asText(), where);
        }
        assertTrue(loss.path("amount").isIntegralNumber(), where);
        assertEquals(amount, loss.path("amount").asLong(), where);
        assertEquals(false, loss.path("bounded").asBoolean(), where);
        assertTrue(loss.path("description").asText().contains(words), () -> "description says '" + words + "': " + where);
    }

    static KeelRun ok(KeelRun run) {
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    static List<JsonNode> list(JsonNode array) {
        assertTrue(array.isArray(), () -> "not an array: " + array);
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        list(array).forEach(n -> out.add(n.asText()));
        return out;
    }
}
