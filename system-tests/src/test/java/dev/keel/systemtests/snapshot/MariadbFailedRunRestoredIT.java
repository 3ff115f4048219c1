package dev.keel.systemtests.snapshot;

import static dev.keel.systemtests.snapshot.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 1, through the packaged CLI on a MariaDB server of the test's own: in development (chosen by
 * {@code environment: development} in keel.yaml, no {@code KEEL_ENV}), {@code filecopy} finds the data directory by
 * asking the server ({@code SELECT @@datadir}: no {@code dataDirectory} option), stops the server, copies it and
 * starts it again; migration 2 applies, migration 3 fails at the third of its four DDL statements (each of which
 * MariaDB has already committed), and keel restores the snapshot: the schema fingerprint, every table's rows and the
 * history are as before the run, exit 1, and the audit log records the failed run and the restore. (Inside a container
 * {@code /.dockerenv} would make the environment development by detection too; the test machines are such containers.)
 */
class MariadbFailedRunRestoredIT {

    @TempDir
    Path dir;

    private ThrowawayServer server;
    private Target target;
    private Workspace workspace;

    @BeforeEach
    void setUp() {
        server = timed("MariaDB throwaway server start", ThrowawayServer::mariadb);
        target = Target.on(server);
        workspace = new Workspace(dir.resolve("project"));
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                environment: development
                environments:
                  development:
                    snapshot:
                      strategy: filecopy
                      keep: 3
                  production:
                    snapshot: none
                """.formatted(target.yamlUrl()));
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thirdDdlStatementFailsAndTheServerIsRestoredToTheStateBeforeTheRun() {
        workspace.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = workspace.keelIn(null, "migrate", "--snapshot", "none");
        assertEquals(0, setup.exitCode(), setup::toString);
        target.execute("INSERT INTO customers (id, name, city) VALUES (4, 'Barbara', NULL)");
        DatabaseState before = target.state();
        List<String> historyBefore = target.history();
        assertEquals(List.of("1=success 2/2"), historyBefore);
        long pidBefore = server.pid().orElseThrow();

        workspace.migration(Migrations.V2, Migrations.V2_SQL);
        workspace.migration(Migrations.V3, Migrations.V3_MYSQL_FAILING);
        KeelRun failed = timed("MariaDB migrate: snapshot, apply 2, fail in 3, restore",
                () -> workspace.keelIn(null, "migrate"));

        FailedRun.assertRestored(workspace, target, failed, before, historyBefore, List.of("2", "3"));
        assertTrue(server.isRunning(), "the server answers after the restore");
        assertNotEquals(pidBefore, server.pid().orElseThrow(), "the server was stopped and started again");
        assertTrue(workspace.audit("run").stream().allMatch(e -> e.path("environment").asText().equals("development")),
                () -> "the environment came from keel.yaml: " + workspace.audit());
    }
}
