package dev.keel.systemtests.rollback;

import static dev.keel.systemtests.rollback.Project.timed;
import static dev.keel.systemtests.rollback.RollbackContract.list;
import static dev.keel.systemtests.rollback.RollbackContract.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 4, through the packaged {@code keel} on a MariaDB server of the test's own (filecopy stops it):
 * in {@code development} (from keel.yaml) with the {@code filecopy} strategy, {@code rollback --steps 2} takes a
 * snapshot, rolls back migration 5, and fails at the 2nd statement of migration 4's DOWN after its 1st (a DROP
 * COLUMN MariaDB has already committed): keel restores the snapshot, exit 1, and the schema fingerprint and the
 * history are as before the rollback (5 is success again although its DOWN ran). With the DOWN fixed, the same
 * rollback then succeeds under a snapshot and gives back the schema recorded after migration 3. Before all that, a
 * {@code --dry-run} shows the snapshot protection and an "unknown" estimate, and neither stops the server nor
 * changes anything.
 */
class MariadbRollbackRestoredIT {

    /** Migration 4 with a DOWN whose 2nd statement fails on the server (the table does not exist). */
    private static final String FAILING_4 = """
            -- === UP MIGRATION ===
            CREATE TABLE invoices (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, amount DECIMAL(10,2) NOT NULL);
            CREATE INDEX invoices_order ON invoices (order_id);
            INSERT INTO invoices (id, order_id, amount) VALUES (1, 1, 10.50), (2, 2, 99.00), (3, 4, 42.00);
            -- === DOWN MIGRATION ===
            ALTER TABLE invoices DROP COLUMN amount;
            DROP TABLE invoice_lines;
            DROP TABLE invoices;
            """;

    @TempDir
    Path dir;

    private ThrowawayServer server;
    private Db db;
    private Project project;

    @BeforeEach
    void setUp() {
        server = timed("MariaDB throwaway server start", ThrowawayServer::mariadb);
        db = Db.on(server);
        project = Project.configured(dir.resolve("project"), """
                url: %s
                migrations: [db/migrations]
                environment: development
                environments:
                  development:
                    snapshot:
                      strategy: filecopy
                      options:
                        dataDirectory: "%s"
                """.formatted(db.yamlUrl(), server.dataDirectory())).environment(null);
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDownFailingAtItsSecondStatementIsUndoneByTheSnapshot() {
        RollbackMigrations.shop(project);
        project.migration("0004_invoices.sql", FAILING_4);
        ok(project.keel("migrate", "--yes", "--target", "3", "--snapshot", "none"));
        String afterThree = db.fingerprint();
        ok(project.keel("migrate", "--yes", "--snapshot", "none"));
        Db.State before = db.state();
        assertEquals(List.of("0001=success", "0002=success", "0003=success", "0004=success", "0005=success"),
                before.history());

        // The dry run in development: the plan names the snapshot that would protect the run, measures what it
        // can ("unknown" for the table that does not exist), and neither stops the server nor changes anything.
        long pid = server.pid().orElseThrow();
        KeelRun dry = ok(project.keel("rollback", "--steps", "2", "--dry-run", "--json"));
        assertEquals("snapshot", dry.json().path("protection").path("kind").asText(), dry::toString);
        JsonNode unknown = list(list(dry.json().path("steps")).get(1).path("dataLoss")).stream()
                .filter(l -> l.path("table").asText().equals("invoice_lines")).findFirst().orElseThrow();
        assertTrue(unknown.path("amount").isNull(), unknown::toString);
        assertTrue(unknown.path("description").asText().contains("unknown"), unknown::toString);
        assertEquals(before, db.state(), "a dry run changes nothing");
        assertEquals(pid, server.pid().orElseThrow(), "a dry run does not stop the server for a snapshot");
        assertTrue(project.audit("snapshot").isEmpty(), () -> "a dry run takes no snapshot: " + project.audit());

        KeelRun failed = timed("MariaDB rollback: snapshot, roll back 5, fail in 4, restore",
                () -> project.keel("rollback", "--steps", "2", "--yes"));
        assertEquals(1, failed.exitCode(), () -> "exit 1: failed and restored\n" + failed);
        for (String expected : List.of("KEEL-E1107", "0004", "statement 2", "invoice_lines", "restored")) {
            assertTrue(failed.output().contains(expected), () -> "the output says '" + expected + "'\n" + failed);
        }
        assertEquals(before, db.state(), "schema and history as before the rollback");
        assertEquals(4, db.count("SELECT COUNT(*) AS n FROM customers"), "5's DOWN deleted a customer; restored");
        assertEquals(3, db.count("SELECT COUNT(*) AS n FROM invoices WHERE amount IS NOT NULL"),
                "the committed DROP COLUMN of 4's DOWN is undone");
        assertTrue(server.isRunning(), "the server answers after the restore");

        List<JsonNode> runs = project.audit("run");
        JsonNode run = runs.get(runs.size() - 1);
        assertEquals("failed-restored", run.path("outcome").asText(), () -> project.audit().toString());
        assertEquals("rollback", run.path("command").asText(), run::toString);
        String snapshot = run.path("snapshot").asText();
        assertTrue(project.audit("restore").stream().anyMatch(e -> e.path("snapshot").asText().equals(snapshot)
                && e.path("outcome").asText().equals("verified")),
                () -> "the restore of " + snapshot + " is audited and verified: " + project.audit());

        // The development round trip: the DOWN fixed, the same rollback succeeds under a snapshot.
        RollbackMigrations.shop(project);
        KeelRun rolledBack = ok(timed("MariaDB rollback under snapshot",
                () -> project.keel("rollback", "--steps", "2", "--yes", "--json")));
        JsonNode report = rolledBack.json();
        assertEquals("snapshot", report.path("protection").path("kind").asText(), rolledBack::toString);
        assertEquals("filecopy", report.path("protection").path("strategy").asText(), rolledBack::toString);
        List<JsonNode> steps = list(report.path("steps"));
        assertTrue(steps.get(1).path("downChanged").asBoolean(), () -> "4's DOWN was edited after apply\n" + rolledBack);
        assertEquals(afterThree, db.fingerprint(), "the schema after rolling back 5 and 4 is the one after 3");
        assertEquals(List.of("0001=success", "0002=success", "0003=success", "0004=rolled_back@", "0005=rolled_back@"),
                db.history());
    }
}
