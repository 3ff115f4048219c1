package dev.keel.systemtests.snapshot;

import static dev.keel.systemtests.snapshot.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 2 (SQLite), through the packaged CLI: {@code filecopy} copies the database file through
 * SQLite's online backup API before the run and puts it back when the run fails, so that migration 2, which
 * committed, is gone again along with the statements of migration 3 that ran before the failure.
 */
class SqliteFailedRunRestoredIT {

    @TempDir
    Path dir;

    private Target target;
    private Workspace workspace;

    @BeforeEach
    void setUp() {
        target = Target.sqlite(dir.resolve("data"));
        workspace = new Workspace(dir.resolve("project"));
    }

    /**
     * Development's default strategy (no {@code snapshot} in keel.yaml: {@code filecopy} in development) protects a
     * {@code -- keel:transaction none} migration whose third statement fails after two committed.
     */
    @Test
    void nonTransactionalMigrationFailsAndTheFileIsRestoredWithTheDefaultStrategy() {
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                """.formatted(target.yamlUrl()));
        DatabaseState before = applyFirstMigration();

        workspace.migration(Migrations.V2, Migrations.V2_SQL);
        workspace.migration(Migrations.V3, Migrations.V3_SQLITE_NO_TRANSACTION_FAILING);
        KeelRun failed = timed("SQLite migrate (transaction none): snapshot, apply 2, fail in 3, restore",
                () -> workspace.keel("migrate"));

        FailedRun.assertRestored(workspace, target, failed, before, List.of("1=success 2/2"), List.of("2", "3"));
    }

    /**
     * {@code snapshot.always} takes a snapshot before a run that transactions alone would protect; the database is in
     * WAL mode. Migration 3's transaction rolls back by itself, but migration 2 committed: only the snapshot can undo
     * it. The {@code --json} document carries the failure, its code and exit code.
     */
    @Test
    void alwaysSnapshotUndoesTheCommittedMigrationsOfAFailedRunInWalMode() {
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                snapshot:
                  strategy: filecopy
                  always: true
                """.formatted(target.yamlUrl()));
        target.execute("PRAGMA journal_mode=WAL");
        DatabaseState before = applyFirstMigration();

        workspace.migration(Migrations.V2, Migrations.V2_SQL);
        workspace.migration(Migrations.V3, Migrations.V3_TRANSACTIONAL_FAILING);
        KeelRun plan = workspace.keel("plan", "--json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals("snapshot", plan.json().path("protection").path("kind").asText(), plan::toString);
        assertEquals("filecopy", plan.json().path("protection").path("strategy").asText(), plan::toString);
        assertTrue(plan.json().path("protection").path("what").asText().contains("backup API"), plan::toString);

        KeelRun failed = timed("SQLite migrate (always): snapshot, apply 2, fail in 3, restore",
                () -> workspace.keel("migrate", "--json"));

        String id = FailedRun.assertRestored(workspace, target, failed, before, List.of("1=success 2/2"), List.of("2", "3"));
        JsonNode document = failed.json();
        assertEquals(1, document.path("exitCode").asInt(), failed::toString);
        JsonNode problem = failed.problems().get(0);
        assertEquals("KEEL-E0601", problem.path("code").asText(), failed::toString);
        assertTrue(problem.path("what").asText().contains(id), () -> "the problem names the restored snapshot: " + problem);
        try (DatabaseProbe probe = target.probe()) {
            assertEquals("wal", String.valueOf(probe.query("PRAGMA journal_mode").get(0).values().values().iterator().next())
                    .toLowerCase(Locale.ROOT), "the restored file is still in WAL mode");
        }
    }

    /** Applies migration 1 (a transaction protects it: no snapshot) and adds a row outside keel; the state then. */
    private DatabaseState applyFirstMigration() {
        workspace.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = workspace.keel("migrate");
        assertEquals(0, setup.exitCode(), setup::toString);
        target.execute("INSERT INTO customers (id, name, city) VALUES (4, 'Barbara', NULL)");
        assertEquals(List.of("1=success 2/2"), target.history());
        return target.state();
    }
}
