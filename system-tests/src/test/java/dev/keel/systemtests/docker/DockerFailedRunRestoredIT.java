package dev.keel.systemtests.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 1 and 2, through the packaged CLI on a real Docker engine: MariaDB in a container, its data in
 * a named volume (1) or a bind-mounted host folder (2). In development, with the {@code docker} strategy, {@code keel
 * migrate} snapshots the container (stopped, archived, started), applies migration 2, fails at the third DDL statement
 * of migration 3, and restores the container's data: the schema fingerprint, every table's rows and the history are
 * as before the run, the container runs, and keel exits 1.
 */
class DockerFailedRunRestoredIT {

    @TempDir
    Path dir;

    private DockerDatabase database;

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void namedVolume() {
        database = DockerDatabase.withVolume();
        failedRunIsRestored();
    }

    @Test
    void bindMountedDataDirectory() {
        database = DockerDatabase.withBindMount(dir.resolve("mysql-data"));
        failedRunIsRestored();
        assertTrue(Files.isDirectory(dir.resolve("mysql-data").resolve("app")), "the data lives in the host folder");
    }

    private void failedRunIsRestored() {
        DockerProject project = new DockerProject(dir.resolve("project"));
        project.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot:
                      strategy: docker
                      keep: 3
                      options:
                        container: %s
                        dataPath: /var/lib/mysql
                        readyTimeout: 120s
                  production:
                    snapshot: none
                """.formatted(database.yamlUrl(), database.name()));
        project.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = project.keel("development", "migrate", "--snapshot", "none");
        assertEquals(0, setup.exitCode(), setup::toString);
        database.execute("INSERT INTO customers (id, name, city) VALUES (4, 'Barbara', NULL)");
        String before = database.state();
        List<String> historyBefore = database.history();
        assertEquals(List.of("1=success 2/2"), historyBefore);
        String startedBefore = database.startedAt();

        project.migration(Migrations.V2, Migrations.V2_SQL);
        project.migration(Migrations.V3, Migrations.V3_MYSQL_FAILING);
        long started = System.nanoTime();
        KeelRun failed = project.keel("development", "migrate");
        System.out.printf("[timing] docker migrate (snapshot, apply 2, fail in 3, restore), %s: %d ms%n", database,
                (System.nanoTime() - started) / 1_000_000);

        assertEquals(1, failed.exitCode(), () -> "exit 1: failed and restored\n" + failed);
        for (String expected : List.of("KEEL-E0601", Migrations.V3, "statement 3", "order_no", "restored", "docker")) {
            assertTrue(failed.output().contains(expected), () -> "the output mentions " + expected + "\n" + failed);
        }
        assertEquals(before, database.state(), "schema fingerprint and rows after the restore");
        assertEquals(historyBefore, database.history(), "history after the restore");
        assertEquals("running", database.status());
        assertNotEquals(startedBefore, database.startedAt(), "the container was stopped and started again");

        List<JsonNode> runs = project.audit("run");
        JsonNode run = runs.get(runs.size() - 1);
        assertEquals("failed-restored", run.path("outcome").asText(), run::toString);
        String id = run.path("snapshot").asText();
        assertTrue(project.audit("snapshot").stream().anyMatch(e -> id.equals(e.path("snapshot").asText())
                && "taken".equals(e.path("outcome").asText()) && "docker".equals(e.path("strategy").asText())),
                () -> project.audit().toString());
        assertTrue(project.audit("restore").stream().anyMatch(e -> id.equals(e.path("snapshot").asText())
                && "verified".equals(e.path("outcome").asText())), () -> project.audit().toString());
        assertFalse(Files.exists(project.keelFolder().resolve("journal.properties")), "journal cleared");
        assertEquals(List.of(id), project.snapshotFolder(), "the snapshot is kept, nothing else is left");
        assertEquals(List.of(), DockerFixture.leftoverHelpers(database));

        KeelRun list = project.keel("development", "snapshot", "list");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.stdout().contains(id), list::toString);
        KeelRun status = project.keel("development", "status");
        assertEquals(0, status.exitCode(), status::toString);
    }
}
