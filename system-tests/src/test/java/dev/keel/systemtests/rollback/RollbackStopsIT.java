package dev.keel.systemtests.rollback;

import static dev.keel.systemtests.rollback.RollbackContract.list;
import static dev.keel.systemtests.rollback.RollbackContract.ok;
import static dev.keel.systemtests.rollback.RollbackContract.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 3, through the packaged {@code keel} on SQLite files in environment {@code production}: a
 * missing DOWN ({@code KEEL-E1101}), a DOWN that cannot be split (unterminated quote) or parsed ({@code KEEL-E1103}),
 * an irreversible migration ({@code KEEL-E1102}) and a migration older than {@code maxRollbackAge}
 * ({@code KEEL-E1104}) each stop the plan before anything runs: exit 3, the coded error, and schema fingerprint,
 * history and audit log as before — also the newer migration of the plan, whose DOWN is fine, is not rolled back.
 * {@code --force} passes the window and the audit log records it ({@code forced}).
 *
 * <p>In each case migration 1 is the one in question and migration 2 (newer, with a good DOWN) comes before it in
 * the plan, so "changes nothing" means the planner looked at every step before running the first.
 */
class RollbackStopsIT {

    private static final String GOOD_NEWER = """
            -- === UP MIGRATION ===
            CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL);
            INSERT INTO tags (id, name) VALUES (1, 'new'), (2, 'sale');
            -- === DOWN MIGRATION ===
            DROP TABLE tags;
            """;
    private static final String NOTES_UP = """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100));
            INSERT INTO notes (id, body) VALUES (1, 'first'), (2, 'second');
            """;

    @TempDir
    Path dir;

    private final List<Db> databases = new ArrayList<>();

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        databases.forEach(Db::close);
    }

    @Test
    void aMigrationWithoutDownStopsThePlan() {
        assertStops("0001_notes.sql", NOTES_UP, "KEEL-E1101", "has no DOWN");
    }

    @Test
    void aDownWithAnUnterminatedQuoteStopsThePlan() {
        assertStops("0001_notes.sql", "-- === UP MIGRATION ===\n" + NOTES_UP + """
                -- === DOWN MIGRATION ===
                DELETE FROM notes WHERE body = 'first;
                DROP TABLE notes;
                """, "KEEL-E1103", "unterminated");
    }

    @Test
    void aDownThatDoesNotParseStopsThePlan() {
        assertStops("0001_notes.sql", "-- === UP MIGRATION ===\n" + NOTES_UP + """
                -- === DOWN MIGRATION ===
                FROBNICATE notes UNTIL DONE;
                """, "KEEL-E1103", "does not parse");
    }

    @Test
    void anIrreversibleMigrationStopsThePlanWithItsReason() {
        assertStops("0001_notes.sql", "-- keel:irreversible the notes were imported from the old system\n" + NOTES_UP,
                "KEEL-E1102", "the notes were imported from the old system");
    }

    @Test
    void aMigrationOlderThanTheWindowStopsThePlanAndForcePassesItAudited() throws InterruptedException {
        Map<String, String> oneSecond = Map.of("KEEL_MAX_ROLLBACK_AGE", "1s");
        Db db = database("window");
        Project project = project("window", db);
        project.migration("0001_notes.sql", "-- === UP MIGRATION ===\n" + NOTES_UP
                + "-- === DOWN MIGRATION ===\nDROP TABLE notes;\n");
        project.migration("0002_tags.sql", GOOD_NEWER);
        ok(project.keelWith(oneSecond, "migrate"));
        Thread.sleep(1_500);
        Db.State before = db.state();
        int auditEntries = project.audit().size();

        KeelRun stopped = project.keelWith(oneSecond, "rollback", "--steps", "2", "--yes", "--json");
        assertStopped(stopped, "KEEL-E1104", "rollback window");
        assertEquals(before, db.state(), "a stopped plan changes nothing");
        assertEquals(auditEntries, project.audit().size(), () -> "nothing ran, nothing audited: " + project.audit());

        KeelRun forced = ok(project.keelWith(oneSecond, "rollback", "--steps", "2", "--yes", "--force", "--json"));
        assertEquals(List.of("0002", "0001"), texts(forced.json().path("forcedWindow")), forced::toString);
        assertEquals(List.of("0002", "0001"), texts(forced.json().path("rolledBack")), forced::toString);
        assertEquals(List.of("0001=rolled_back@", "0002=rolled_back@"), db.history());
        List<JsonNode> audited = project.audit("forced");
        assertEquals(1, audited.size(), () -> "one forced entry: " + project.audit());
        JsonNode entry = audited.get(0);
        assertEquals("rollback-window", entry.path("outcome").asText(), entry::toString);
        assertEquals(List.of("0002", "0001"), texts(entry.path("versions")), entry::toString);
        assertEquals("production", entry.path("environment").asText(), entry::toString);
        List<JsonNode> all = project.audit();
        assertTrue(all.indexOf(entry) < all.indexOf(project.audit("run").get(project.audit("run").size() - 1)),
                () -> "the forced entry is written before the run: " + all);
    }

    /** Applies the bad migration 1 and a good migration 2, then checks that rolling back both stops with the code. */
    private void assertStops(String fileName, String sql, String code, String words) {
        String name = code.toLowerCase(java.util.Locale.ROOT) + "-" + databases.size();
        Db db = database(name);
        Project project = project(name, db);
        project.migration(fileName, sql);
        project.migration("0002_tags.sql", GOOD_NEWER);
        ok(project.keel("migrate"));
        Db.State before = db.state();
        assertEquals(List.of("0001=success", "0002=success"), before.history());
        int auditEntries = project.audit().size();

        KeelRun dryRun = project.keel("rollback", "--steps", "2", "--dry-run", "--json");
        assertStopped(dryRun, code, words);
        KeelRun run = project.keel("rollback", "--steps", "2", "--yes", "--json");
        assertStopped(run, code, words);

        assertEquals(before, db.state(), "a stopped plan changes nothing, not even the newer migration's good DOWN");
        assertEquals(2, db.count("SELECT COUNT(*) AS n FROM tags"));
        assertEquals(auditEntries, project.audit().size(), () -> "nothing ran, nothing audited: " + project.audit());
    }

    private static void assertStopped(KeelRun run, String code, String words) {
        assertEquals(3, run.exitCode(), () -> "exit 3: stopped before anything ran\n" + run);
        JsonNode document = run.json();
        assertEquals(3, document.path("exitCode").asInt(), run::toString);
        List<JsonNode> problems = list(document.path("problems"));
        assertTrue(problems.stream().anyMatch(p -> p.path("code").asText().equals(code)
                && p.path("what").asText().contains("0001") && p.path("what").asText().contains(words)),
                () -> "a " + code + " problem about migration 0001 saying '" + words + "'\n" + run);
        assertTrue(problems.stream().allMatch(p -> p.path("code").asText().startsWith("KEEL-E110")),
                () -> "only rollback problems\n" + run);
    }

    private Db database(String name) {
        Db db = Db.sqlite(dir.resolve(name));
        databases.add(db);
        return db;
    }

    private Project project(String name, Db db) {
        return Project.targeting(dir.resolve(name + "-project"), db).environment("production");
    }
}
