package dev.keel.systemtests.snapshot;

import static dev.keel.systemtests.snapshot.Timing.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 5 (SPEC §7), through the packaged CLI: one keel.yaml, two environments. With
 * {@code KEEL_ENV=production} a run that no transaction protects is planned as {@code unprotected} and runs without a
 * snapshot; with {@code KEEL_ENV=development} the same kind of run is planned with a {@code filecopy} snapshot, and
 * {@code keel migrate} takes one (in its JSON document, in {@code keel snapshot list}, in the audit log).
 */
class EnvironmentSnapshotIT {

    /** Low risk only, so that production (confirmation from medium) needs no {@code --yes}. */
    private static final String V2_NO_TRANSACTION = """
            -- keel:transaction none
            -- Description: notes, statement by statement
            CREATE TABLE notes (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(200));
            INSERT INTO notes (id, body) VALUES (1, 'first');
            """;
    private static final String V3_NO_TRANSACTION = """
            -- keel:transaction none
            -- Description: tags, statement by statement
            CREATE TABLE tags (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(50));
            INSERT INTO tags (id, name) VALUES (1, 'urgent');
            """;
    /** MariaDB commits every DDL statement: no transaction protects this in any environment. */
    private static final String V2_MYSQL = """
            -- Description: notes
            CREATE TABLE notes (id BIGINT NOT NULL PRIMARY KEY, body VARCHAR(200));
            INSERT INTO notes (id, body) VALUES (1, 'first');
            """;

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

    /**
     * SQLite with the file of docs/configuration.md: {@code snapshot: filecopy} at the top level, {@code snapshot: none}
     * in production's section.
     */
    @Test
    void sqliteProductionTakesNoSnapshotAndDevelopmentTakesOne() {
        Target target = Target.sqlite(dir.resolve("data"));
        Workspace workspace = new Workspace(dir.resolve("project"));
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                snapshot: filecopy
                environments:
                  production:
                    snapshot: none
                """.formatted(target.yamlUrl()));
        workspace.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = workspace.keelIn("production", "migrate");
        assertEquals(0, setup.exitCode(), setup::toString);
        workspace.migration("V2__notes.sql", V2_NO_TRANSACTION);

        // plan: production says unprotected, development says filecopy.
        assertPlannedUnprotected(workspace);
        assertPlannedSnapshot(workspace);

        // production migrate: applied, no snapshot anywhere.
        KeelRun production = workspace.keelIn("production", "migrate", "--json");
        assertEquals(0, production.exitCode(), production::toString);
        assertEquals(List.of("2"), production.appliedVersions());
        assertTrue(noSnapshot(production.json()), () -> "production takes no snapshot\n" + production);
        assertEquals(List.of(), workspace.listedSnapshots("production"), "no snapshot in production");
        assertTrue(workspace.audit("snapshot").isEmpty(), () -> "no snapshot in the audit log: " + workspace.audit());
        assertEquals("unprotected", lastRun(workspace).path("protection").asText(), () -> lastRun(workspace).toString());

        // development migrate: a snapshot is taken and kept (keep defaults to 3).
        workspace.migration("V3__tags.sql", V3_NO_TRANSACTION);
        String id = assertMigrateTakesSnapshot(workspace, List.of("3"));
        assertEquals(List.of(id), workspace.listedSnapshots("production"),
                "the snapshot is listed in any environment");
        assertEquals(List.of("1=success 2/2", "2=success 2/2", "3=success 2/2"), target.history());
    }

    /**
     * MariaDB: without snapshot configuration, neither environment stops the server (the development default copies
     * SQLite files only, and says so); with {@code snapshot: filecopy} written for development, only that environment
     * takes one.
     */
    @Test
    void mariadbProductionUnprotectedDevelopmentFilecopyOnceConfigured() {
        server = timed("MariaDB throwaway server start", ThrowawayServer::mariadb);
        Target target = Target.on(server);
        Workspace workspace = new Workspace(dir.resolve("project"));
        workspace.config("""
                url: %s
                migrations: [db/migrations]
                """.formatted(target.yamlUrl()));
        workspace.migration(Migrations.V1, Migrations.V1_SQL);
        KeelRun setup = workspace.keelIn("production", "migrate");
        assertEquals(0, setup.exitCode(), setup::toString);
        assertTrue(workspace.audit("snapshot").isEmpty(), () -> "production took no snapshot: " + workspace.audit());
        workspace.migration("V2__notes.sql", V2_MYSQL);

        JsonNode unprotected = assertPlannedUnprotected(workspace);
        assertTrue(unprotected.path("reason").asText().contains("MariaDB")
                || unprotected.path("reason").asText().contains("MySQL"), () -> "says why: " + unprotected);
        KeelRun defaultDevelopment = workspace.keelIn("development", "plan", "--json");
        assertEquals(0, defaultDevelopment.exitCode(), defaultDevelopment::toString);
        JsonNode byDefault = defaultDevelopment.json().path("protection");
        assertEquals("unprotected", byDefault.path("kind").asText(), defaultDevelopment::toString);
        assertTrue(byDefault.path("reason").asText().contains("snapshot: filecopy"),
                () -> "says how to let Keel stop the server: " + byDefault);

        workspace.config("""
                url: %s
                migrations: [db/migrations]
                environments:
                  development:
                    snapshot: filecopy
                """.formatted(target.yamlUrl()));
        assertPlannedUnprotected(workspace);
        assertPlannedSnapshot(workspace);
        assertMigrateTakesSnapshot(workspace, List.of("2"));
        assertEquals(List.of("1=success 2/2", "2=success 2/2"), target.history());
        assertTrue(server.isRunning());
    }

    private static JsonNode assertPlannedUnprotected(Workspace workspace) {
        KeelRun plan = workspace.keelIn("production", "plan", "--json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals("production", plan.json().path("environment").asText(), plan::toString);
        JsonNode protection = plan.json().path("protection");
        assertEquals("unprotected", protection.path("kind").asText(), plan::toString);
        assertTrue(protection.path("strategy").isMissingNode() || protection.path("strategy").isNull(), plan::toString);
        KeelRun text = workspace.keelIn("production", "plan");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().toLowerCase(Locale.ROOT).contains("unprotected"), text::toString);
        assertFalse(text.stdout().contains("filecopy"), () -> "production names no snapshot strategy\n" + text);
        return protection;
    }

    private static void assertPlannedSnapshot(Workspace workspace) {
        KeelRun plan = workspace.keelIn("development", "plan", "--json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals("development", plan.json().path("environment").asText(), plan::toString);
        JsonNode protection = plan.json().path("protection");
        assertEquals("snapshot", protection.path("kind").asText(), plan::toString);
        assertEquals("filecopy", protection.path("strategy").asText(), plan::toString);
        KeelRun text = workspace.keelIn("development", "plan");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().contains("snapshot") && text.stdout().contains("filecopy"), text::toString);
    }

    /** {@code KEEL_ENV=development keel migrate --json}: applies, and takes a snapshot that is kept and listed. */
    private static String assertMigrateTakesSnapshot(Workspace workspace, List<String> versions) {
        KeelRun migrate = timed("development migrate with a snapshot",
                () -> workspace.keelIn("development", "migrate", "--json"));
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertEquals(versions, migrate.appliedVersions());
        assertFalse(noSnapshot(migrate.json()), () -> "development takes a snapshot\n" + migrate);
        String id = Workspace.snapshotId(migrate);
        assertEquals("filecopy", migrate.json().path("snapshot").path("strategy").asText(), migrate::toString);
        assertEquals("development", migrate.json().path("snapshot").path("metadata").path("environment").asText(),
                migrate::toString);
        assertTrue(workspace.listedSnapshots().contains(id), "keel snapshot list shows " + id);
        assertTrue(workspace.audit("snapshot").stream().anyMatch(e -> id.equals(e.path("snapshot").asText())
                && e.path("outcome").asText().equals("taken") && e.path("environment").asText().equals("development")),
                () -> "the audit log records the snapshot: " + workspace.audit());
        assertEquals("snapshot", lastRun(workspace).path("protection").asText(), () -> lastRun(workspace).toString());
        return id;
    }

    private static boolean noSnapshot(JsonNode document) {
        JsonNode snapshot = document.path("snapshot");
        return snapshot.isMissingNode() || snapshot.isNull();
    }

    private static JsonNode lastRun(Workspace workspace) {
        List<JsonNode> runs = workspace.audit("run");
        assertFalse(runs.isEmpty(), "a run in the audit log");
        return runs.get(runs.size() - 1);
    }
}
