package dev.keel.systemtests.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 5 and {@code keel doctor}, through the packaged CLI: with the docker strategy configured, a
 * Docker engine that cannot be reached or a container that does not exist stops {@code keel migrate} with a clear
 * error ({@code KEEL-E1002}, what and how to fix) before anything is stopped or applied; {@code keel doctor} says
 * whether the engine answers and the container exists.
 */
class DockerUnavailableIT {

    @TempDir
    Path dir;

    private DockerDatabase database;
    private DockerProject project;
    private String before;
    private String startedBefore;

    @BeforeEach
    void setUp() {
        database = DockerDatabase.withVolume();
        project = new DockerProject(dir.resolve("project"));
        configure(database.name(), "unix:///var/run/docker.sock");
        project.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = project.keel("development", "migrate", "--snapshot", "none");
        assertEquals(0, setup.exitCode(), setup::toString);
        project.migration(Migrations.V2, Migrations.V2_SQL);
        before = database.state();
        startedBefore = database.startedAt();
    }

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (database != null) {
            database.close();
        }
    }

    private void configure(String container, String dockerHost) {
        project.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot:
                      strategy: docker
                      options:
                        container: %s
                        dockerHost: %s
                """.formatted(database.yamlUrl(), container, dockerHost));
    }

    @Test
    void doctorSaysTheEngineAnswersAndTheContainerExists() {
        KeelRun doctor = project.keel("development", "doctor");
        assertEquals(0, doctor.exitCode(), doctor::toString);
        String line = snapshotLine(doctor);
        assertTrue(line.contains("ok") && line.contains("docker") && line.contains("'" + database.name() + "'"), line);
    }

    @Test
    void aMissingContainerStopsTheRunBeforeAnythingIsStopped() {
        configure("keel-no-such-container", "unix:///var/run/docker.sock");
        KeelRun migrate = project.keel("development", "migrate");
        assertRefused(migrate, "No container named 'keel-no-such-container' exists");
        assertTrue(migrate.output().contains("docker ps -a"), () -> "says how to fix it\n" + migrate);

        KeelRun doctor = project.keel("development", "doctor");
        assertNotEquals(0, doctor.exitCode(), doctor::toString);
        assertTrue(snapshotLine(doctor).contains("No container named 'keel-no-such-container' exists"), doctor::toString);
    }

    @Test
    void anUnreachableEngineStopsTheRunBeforeAnythingIsStopped() {
        Path socket = dir.resolve("no-engine.sock");
        configure(database.name(), "unix://" + socket);
        KeelRun migrate = project.keel("development", "migrate");
        assertRefused(migrate, "The Docker engine cannot be reached: there is no socket " + socket);
        assertTrue(migrate.output().contains("DOCKER_HOST"), () -> "says how to fix it\n" + migrate);

        KeelRun doctor = project.keel("development", "doctor");
        assertNotEquals(0, doctor.exitCode(), doctor::toString);
        assertTrue(snapshotLine(doctor).contains("The Docker engine cannot be reached"), doctor::toString);
    }

    private void assertRefused(KeelRun migrate, String what) {
        assertEquals(2, migrate.exitCode(), () -> "a usage error, nothing done\n" + migrate);
        assertTrue(migrate.output().contains("KEEL-E1002"), migrate::toString);
        assertTrue(migrate.output().contains(what), () -> "says " + what + "\n" + migrate);
        assertTrue(migrate.output().contains("Nothing was stopped"), migrate::toString);
        assertEquals(startedBefore, database.startedAt(), "the container was not stopped");
        assertEquals("running", database.status());
        assertEquals(before, database.state(), "nothing was applied");
        assertEquals(List.of("1=success 2/2"), database.history());
        assertFalse(Files.exists(project.keelFolder().resolve("journal.properties")));
        assertEquals(List.of(), project.snapshotFolder());
    }

    private static String snapshotLine(KeelRun doctor) {
        return doctor.stdout().lines().filter(l -> l.matches("\\s*\\w+\\s+snapshot\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot line in\n" + doctor));
    }
}
