package dev.keel.systemtests.snapshot;

import static dev.keel.systemtests.snapshot.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 4, through the packaged CLI on SQLite, MariaDB and PostgreSQL: a manual work session.
 * <ul>
 *   <li>{@code keel snapshot begin}, two migrations applied by {@code keel migrate}, {@code keel snapshot restore}
 *       → schema, rows and history are back to the state at {@code begin}, and the session is closed;</li>
 *   <li>{@code begin} while a session is open → exit 2, KEEL-E1008, and the open session is untouched;</li>
 *   <li>{@code begin}, {@code migrate}, {@code keel snapshot commit} → the database keeps the changes and the
 *       session's snapshot is discarded ({@code keel snapshot list --json} no longer shows it).</li>
 * </ul>
 * The servers' data directories are found by asking them ({@code SELECT @@datadir}, {@code SHOW data_directory}).
 * Retention is {@code keep: 0}, so a run inside the session that takes its own snapshot (MariaDB: DDL) prunes every
 * snapshot but the one the session holds.
 */
class ManualSnapshotSessionIT {

    @TempDir
    Path dir;

    private ThrowawayServer server;

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sqlite() {
        Target target = Target.sqlite(dir.resolve("data"));
        Workspace workspace = workspace(target);
        String first = session(workspace, target);

        // The SQLite snapshot survives its restore, so it can be restored again by id.
        assertTrue(workspace.listedSnapshots().contains(first), "a SQLite restore does not use the copy up");
        KeelRun byId = workspace.keel("snapshot", "restore", first, "--json");
        assertEquals(0, byId.exitCode(), byId::toString);
        assertEquals(first, Workspace.snapshotId(byId));
        assertTrue(byId.json().path("verified").asBoolean(), byId::toString);
        assertEquals(List.of("1=success 2/2"), target.history(), "back to the state of the first begin");
        assertFalse(target.hasTable("orders"));
    }

    @Test
    void mariadb() {
        server = timed("MariaDB throwaway server start", ThrowawayServer::mariadb);
        Target target = Target.on(server);
        session(workspace(target), target);
        assertTrue(server.isRunning());
    }

    @Test
    void postgres() {
        server = timed("PostgreSQL throwaway server start", ThrowawayServer::postgres);
        Target target = Target.on(server);
        // No dataDirectory option: filecopy asks the server (SHOW data_directory).
        session(workspace(target), target);
        assertTrue(server.isRunning());
    }

    private Workspace workspace(Target target) {
        Workspace workspace = new Workspace(dir.resolve("project"));
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot:
                      strategy: filecopy
                      keep: 0
                """.formatted(target.yamlUrl()));
        return workspace;
    }

    /** The whole session scenario; returns the id of the first session's snapshot. */
    private static String session(Workspace workspace, Target target) {
        String dialect = target.dialect();
        workspace.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = workspace.keel("migrate", "--snapshot", "none");
        assertEquals(0, setup.exitCode(), setup::toString);

        // 1. begin → two migrations → restore: back to the state at begin.
        KeelRun begin = timed(dialect + " snapshot begin", () -> workspace.keel("snapshot", "begin", "--json"));
        assertEquals(0, begin.exitCode(), begin::toString);
        String id = Workspace.snapshotId(begin);
        DatabaseState atBegin = target.state();
        assertEquals(List.of("1=success 2/2"), target.history());
        assertEquals(List.of(id), workspace.listedSnapshots(), "the session's snapshot is listed");

        workspace.migration(Migrations.V2, Migrations.V2_SQL);
        workspace.migration(Migrations.V3, Migrations.V3_SQL);
        KeelRun migrate = timed(dialect + " migrate in a session", () -> workspace.keel("migrate", "--yes", "--json"));
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertEquals(List.of("2", "3"), migrate.appliedVersions());
        assertEquals(List.of("1=success 2/2", "2=success 3/3", "3=success 3/3"), target.history());
        assertEquals(List.of(id), workspace.listedSnapshots(),
                "the run's retention (keep: 0) discarded any snapshot of its own but kept the one the session holds");

        KeelRun restore = timed(dialect + " snapshot restore", () -> workspace.keel("snapshot", "restore", "--json"));
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(id, Workspace.snapshotId(restore), "restore uses the open session's snapshot");
        assertTrue(restore.json().path("verified").asBoolean(), () -> "the restore is verified\n" + restore);
        atBegin.assertSameAs(target.state(), "after 'keel snapshot restore'");
        assertEquals(List.of("1=success 2/2"), target.history());
        assertEquals(List.of("restore"), workspace.audit().stream()
                .filter(e -> id.equals(e.path("snapshot").asText()) && e.path("event").asText().equals("restore"))
                .map(e -> e.path("event").asText()).toList(), "the restore is in the audit log");

        KeelRun noSession = workspace.keel("snapshot", "commit");
        assertEquals(2, noSession.exitCode(), () -> "restore closed the session: nothing to commit\n" + noSession);
        assertTrue(noSession.output().contains("KEEL-E1008"), noSession::toString);

        // 2. begin, begin again (refused), migrate, commit: the changes stay, the snapshot goes.
        KeelRun second = timed(dialect + " snapshot begin (2)", () -> workspace.keel("snapshot", "begin", "--json"));
        assertEquals(0, second.exitCode(), second::toString);
        String secondId = Workspace.snapshotId(second);
        assertNotEquals(id, secondId);
        KeelRun twice = workspace.keel("snapshot", "begin", "--json");
        assertEquals(2, twice.exitCode(), () -> "a second begin while a session is open\n" + twice);
        assertEquals("KEEL-E1008", twice.problems().get(0).path("code").asText(), twice::toString);
        assertTrue(twice.problems().get(0).path("what").asText().contains(secondId),
                () -> "the refusal names the open session's snapshot\n" + twice);
        List<String> listed = workspace.listedSnapshots();
        assertTrue(listed.contains(secondId) && listed.stream().allMatch(s -> s.equals(id) || s.equals(secondId)),
                () -> "the open session's snapshot is listed, and the refused begin took none: " + listed);

        KeelRun again = workspace.keel("migrate", "--yes", "--json");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(List.of("2", "3"), again.appliedVersions());
        DatabaseState migrated = target.state();

        KeelRun commit = timed(dialect + " snapshot commit", () -> workspace.keel("snapshot", "commit", "--json"));
        assertEquals(0, commit.exitCode(), commit::toString);
        assertFalse(workspace.listedSnapshots().contains(secondId), "commit discarded the session's snapshot");
        assertEquals(secondId, Workspace.snapshotId(commit), "commit names the session's snapshot");
        migrated.assertSameAs(target.state(), "after 'keel snapshot commit'");
        assertEquals(List.of("1=success 2/2", "2=success 3/3", "3=success 3/3"), target.history());
        return id;
    }
}
