package dev.keel.systemtests.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 3: {@code kill -9} of a real {@code keel migrate} while the docker strategy works, then the
 * next {@code keel} command recovers by itself and no data is lost. The kill moments are observed, not guessed: the
 * journal's phase ({@code TAKING} or {@code RESTORING}) together with the container being down (stopped by keel).
 * <ul>
 *   <li>during the take (container stopped, archive being written): {@code keel status} starts the container
 *       again and deletes the partial snapshot; the database is as before the run;</li>
 *   <li>during the restore after a failed migration (container stopped; data path being emptied or filled), twice,
 *       at two moments: {@code keel status} restores again and verifies; the database is as before the run, the
 *       snapshot is kept.</li>
 * </ul>
 */
class DockerCrashIT {

    @TempDir
    Path dir;

    private DockerDatabase database;
    private DockerProject project;
    private String before;
    private List<String> historyBefore;

    @BeforeEach
    void setUp() {
        database = DockerDatabase.withVolume();
        project = new DockerProject(dir.resolve("project"));
        project.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot:
                      strategy: docker
                      options:
                        container: %s
                """.formatted(database.yamlUrl(), database.name()));
        project.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = project.keel("development", "migrate", "--snapshot", "none");
        assertEquals(0, setup.exitCode(), setup::toString);
        before = database.state();
        historyBefore = database.history();
        project.migration(Migrations.V2, Migrations.V2_SQL);
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void killedDuringTheTake() {
        project.migration(Migrations.V3, Migrations.V3_MYSQL_FAILING);
        KeelProcess run = project.start("development", "migrate");
        killWhen(run, "TAKING", 0);
        assertFalse(database.status().equals("running"), "the killed take had stopped the container");
        assertTrue(project.snapshotFolder().stream().anyMatch(n -> n.endsWith(".partial")), () -> project.snapshotFolder().toString());

        KeelRun recovered = project.keel("development", "status");
        assertEquals(0, recovered.exitCode(), recovered::toString);
        assertTrue(recovered.output().contains("Recovered"), recovered::toString);
        assertEquals("running", database.status());
        assertEquals(before, database.state(), "nothing of the run, nothing lost");
        assertEquals(historyBefore, database.history());
        assertEquals(List.of(), project.snapshotFolder(), "the incomplete snapshot is deleted");
        assertFalse(Files.exists(project.keelFolder().resolve("journal.properties")));
        assertTrue(project.audit("recovery").stream().anyMatch(e -> "done".equals(e.path("outcome").asText())));

        // And the next migrate works normally on the recovered database (V3 fails and is restored).
        KeelRun migrate = project.keel("development", "migrate");
        assertEquals(1, migrate.exitCode(), migrate::toString);
        assertEquals(before, database.state());
    }

    @Test
    void killedDuringTheRestoreRightAfterTheStop() {
        killedDuringTheRestore(0);
    }

    @Test
    void killedDuringTheRestoreWhileTheDataIsReplaced() {
        killedDuringTheRestore(700);
    }

    private void killedDuringTheRestore(long delayMs) {
        project.migration(Migrations.V3, Migrations.V3_MYSQL_FAILING);
        KeelProcess run = project.start("development", "migrate");
        killWhen(run, "RESTORING", delayMs);
        assertEquals(Optional.of("RESTORING"), project.journalPhase(), "the journal keeps the restore to finish");

        KeelRun recovered = project.keel("development", "status");
        assertEquals(0, recovered.exitCode(), recovered::toString);
        assertTrue(recovered.output().contains("Recovered"), recovered::toString);
        assertEquals("running", database.status());
        assertEquals(before, database.state(), "the run is undone as a whole, nothing lost");
        assertEquals(historyBefore, database.history());
        assertFalse(Files.exists(project.keelFolder().resolve("journal.properties")));
        assertEquals(1, project.snapshotFolder().size(), () -> "the snapshot is kept: " + project.snapshotFolder());
        assertTrue(project.audit("restore").stream().anyMatch(e -> "verified".equals(e.path("outcome").asText())),
                () -> project.audit().toString());
        assertEquals(List.of(), DockerFixture.leftoverHelpers(database), "the recovery removed the killed restore's helper");
    }

    /**
     * Waits until the journal is in {@code phase} and the container is down (keel stopped it), waits {@code delayMs}
     * more, and kills keel with SIGKILL. Fails when the run ends first.
     */
    private void killWhen(KeelProcess run, String phase, long delayMs) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            if (!run.isAlive()) {
                fail("keel ended before it could be killed in phase " + phase + ":\n" + run.output());
            }
            if (project.journalPhase().filter(phase::equals).isPresent() && !database.status().equals("running")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                run.killNow();
                fail("keel never reached phase " + phase + " with the container stopped:\n" + run.output());
            }
            DockerDatabase.pause(10);
        }
        if (delayMs > 0) {
            DockerDatabase.pause(delayMs);
        }
        if (!run.isAlive()) {
            fail("keel ended by itself before the kill in phase " + phase + ":\n" + run.output());
        }
        int exit = run.killNow();
        System.out.printf("[crash] killed keel in phase %s (+%d ms), exit %d; container %s%n", phase, delayMs, exit,
                database.status());
    }
}
