package dev.keel.systemtests.snapshot;

import static dev.keel.systemtests.snapshot.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Issue 4, acceptance 2 (PostgreSQL), through the packaged CLI on a PostgreSQL server of the test's own
 * ({@code KEEL_ENV=development}, {@code filecopy} with the {@code dataDirectory} option): migration 2 commits in its
 * transaction, migration 3 is marked {@code -- keel:transaction none} (it builds indexes {@code CONCURRENTLY}) and
 * fails at the third of its four statements, after the first two committed. No transaction can undo that; keel
 * restores the snapshot taken before the run: schema fingerprint, rows and history as before, exit 1, and the
 * audit log records the failed run and the restore.
 */
class PostgresFailedRunRestoredIT {

    @TempDir
    Path dir;

    private ThrowawayServer server;
    private Target target;
    private Workspace workspace;

    @BeforeEach
    void setUp() {
        server = timed("PostgreSQL throwaway server start", ThrowawayServer::postgres);
        target = Target.on(server);
        workspace = new Workspace(dir.resolve("project"));
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot:
                      strategy: filecopy
                      options:
                        dataDirectory: %s
                """.formatted(target.yamlUrl(), server.dataDirectory()));
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void nonTransactionalMigrationFailsAtItsThirdStatementAndTheServerIsRestored() {
        workspace.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = workspace.keel("migrate", "--json");
        assertEquals(0, setup.exitCode(), setup::toString);
        assertTrue(setup.json().path("snapshot").isMissingNode() || setup.json().path("snapshot").isNull(),
                () -> "a transactional run takes no snapshot: " + setup);
        target.execute("INSERT INTO customers (id, name, city) VALUES (4, 'Barbara', NULL)");
        DatabaseState before = target.state();
        List<String> historyBefore = target.history();
        assertEquals(List.of("1=success 2/2"), historyBefore);

        workspace.migration(Migrations.V2, Migrations.V2_SQL);
        workspace.migration(Migrations.V3, Migrations.V3_POSTGRES_FAILING);
        KeelRun plan = workspace.keel("plan", "--json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals("snapshot", plan.json().path("protection").path("kind").asText(), plan::toString);

        KeelRun failed = timed("PostgreSQL migrate: snapshot, apply 2, fail in 3, restore", () -> workspace.keel("migrate", "--yes"));

        FailedRun.assertRestored(workspace, target, failed, before, historyBefore, List.of("2", "3"));
        assertTrue(server.isRunning(), "the server answers after the restore");
    }
}
