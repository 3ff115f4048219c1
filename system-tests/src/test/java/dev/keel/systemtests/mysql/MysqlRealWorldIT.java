package dev.keel.systemtests.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Repository;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL real-world fixture ({@code dialect-mysql/src/test/resources/realworld}: a shop's migration history in every file-name form,
 * with routines written with and without {@code DELIMITER}, executable comments, CRLF files and no-ops) applied by
 * the packaged CLI to two fresh databases: everything applies cleanly, a second run applies nothing, both databases
 * get the same schema fingerprint, and a hand-made change afterwards is reported as drift by {@code keel status}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MysqlRealWorldIT {

    @TempDir
    Path dir;

    private Path migrations;
    private TestDatabase first;
    private TestDatabase second;
    private DatabaseProbe firstProbe;
    private DatabaseProbe secondProbe;

    @BeforeAll
    void setUp() {
        migrations = Repository.folder("dialect-mysql/src/test/resources/realworld");
        first = DatabaseProvisioning.mysql();
        second = DatabaseProvisioning.mysql();
        firstProbe = DatabaseProbe.mysql(first);
        secondProbe = DatabaseProbe.mysql(second);
    }

    @AfterAll
    void tearDown() {
        for (AutoCloseable c : new AutoCloseable[] {firstProbe, secondProbe, first, second}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    @Order(1)
    void theWholeHistoryAppliesCleanlyAndASecondRunAppliesNothing() throws Exception {
        long sqlFiles;
        try (var files = Files.walk(migrations)) {
            sqlFiles = files.filter(p -> p.toString().endsWith(".sql")).count();
        }
        assertTrue(sqlFiles >= 200, "the fixture has at least 200 files: " + sqlFiles);

        KeelRun before = keel(first, "status", "--json");
        assertEquals(0, before.exitCode(), before::toString);
        assertEquals(0, before.json().path("problems").size(), before::toString);
        int pending = before.json().path("pending").asInt();
        assertTrue(pending >= 150, "pending migrations: " + pending);

        KeelRun run = keel(first, "migrate", "--yes", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> applied = run.appliedVersions();
        assertEquals(pending, applied.size(), "every pending migration was applied");
        List<String> history = firstProbe.history();
        assertEquals(applied.size(), history.size(), "one history row per migration");
        for (String row : history) {
            assertTrue(row.matches("[0-9]+=success ([0-9]+)/\\1"), () -> "every row succeeded in full: " + row);
        }
        assertTrue(history.stream().anyMatch(r -> r.endsWith("=success 0/0")), "the no-op files are recorded too");

        // What the routines without DELIMITER, the DELIMITER blocks and the executable comments created.
        assertEquals(12, firstProbe.count("SELECT COUNT(*) FROM information_schema.routines"
                + " WHERE routine_schema = DATABASE() AND routine_type = 'PROCEDURE'"), "procedures");
        assertEquals(6, firstProbe.count("SELECT COUNT(*) FROM information_schema.routines"
                + " WHERE routine_schema = DATABASE() AND routine_type = 'FUNCTION'"), "functions");
        assertEquals(11, firstProbe.count("SELECT COUNT(*) FROM information_schema.triggers"
                + " WHERE trigger_schema = DATABASE()"), "triggers");
        assertEquals(3, firstProbe.count("SELECT COUNT(*) FROM information_schema.events WHERE event_schema = DATABASE()"),
                "events");
        assertEquals(7, firstProbe.count("SELECT COUNT(*) FROM information_schema.views WHERE table_schema = DATABASE()"),
                "views");
        assertEquals(2, firstProbe.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'SEQUENCE'"), "sequences");
        assertEquals(1, firstProbe.count("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema ="
                + " DATABASE() AND index_name = 'products_fulltext' AND seq_in_index = 1"), "the .mysql.sql variant ran");
        assertEquals("Fast; friendly -- and \"quoted\" #1 shop",
                firstProbe.query("SELECT v FROM settings WHERE k = 'site.tagline'").get(0).text("v").orElseThrow());
        assertEquals("C:\\exports\\daily\\",
                firstProbe.query("SELECT v FROM settings WHERE k = 'export.path'").get(0).text("v").orElseThrow());
        assertEquals("ok ✅ 🚀", firstProbe.query("SELECT v FROM settings WHERE k = 'emoji'").get(0).text("v").orElseThrow());
        // The routines work, not just exist.
        assertEquals("gold", firstProbe.query("SELECT fn_loyalty_tier(1200) AS t").get(0).text("t").orElseThrow());
        assertEquals("a-b-c", firstProbe.query("SELECT fn_slugify(' A -- B; C ') AS s").get(0).text("s").orElseThrow());
        assertEquals(1L, firstProbe.count("SELECT fn_is_valid_email('x@example.org')"));

        KeelRun again = keel(first, "migrate", "--yes", "--json");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(List.of(), again.appliedVersions(), "a second run applies nothing");
        assertEquals(history, firstProbe.history(), "and writes no row");

        KeelRun status = keel(first, "status", "--json");
        assertEquals(0, status.exitCode(), status::toString);
        JsonNode document = status.json();
        assertEquals(0, document.path("pending").asInt());
        assertEquals(0, document.path("problems").size(), status::toString);
        assertTrue(document.path("drift").isMissingNode(), status::toString);
    }

    @Test
    @Order(2)
    void twoDatabasesMigratedByTheSameFilesHaveTheSameFingerprint() {
        KeelRun run = keel(second, "migrate", "--yes", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        SchemaFingerprint a = firstProbe.fingerprint();
        SchemaFingerprint b = secondProbe.fingerprint();
        assertEquals(a.canonicalText(), b.canonicalText());
        assertEquals(a.hash(), b.hash());
        for (String name : List.of(databaseName(firstProbe), databaseName(secondProbe))) {
            assertFalse(a.canonicalText().contains(name), "the database's own name is not part of the fingerprint");
        }
        for (String kind : List.of("table ", "column ", "index ", "constraint ", "key ", "reference ", "check ", "view ",
                "routine ", "parameter ", "trigger ", "event ", "sequence ")) {
            assertTrue(a.canonicalText().contains("\n" + kind), () -> "the fingerprint has " + kind + "lines");
        }
        assertFalse(a.canonicalText().contains("keel_schema_history"), "the history table is left out");
    }

    @Test
    @Order(3)
    void aHandMadeChangeChangesTheFingerprintAndStatusReportsDrift() {
        SchemaFingerprint before = secondProbe.fingerprint();
        // Data changes are not schema changes.
        secondProbe.execute("INSERT INTO users (email, password_hash) VALUES ('Someone@Example.org ', 'x')");
        secondProbe.execute("SELECT NEXTVAL(gift_card_seq)");
        secondProbe.execute("ANALYZE TABLE users");
        assertEquals(before.canonicalText(), secondProbe.fingerprint().canonicalText(), "data changes do not count");

        secondProbe.execute("ALTER TABLE orders ADD COLUMN hotfix_flag TINYINT(1) NULL");
        SchemaFingerprint after = secondProbe.fingerprint();
        assertNotEquals(before.hash(), after.hash());
        assertNotEquals(firstProbe.fingerprint().hash(), after.hash());
        assertTrue(after.canonicalText().contains("column orders.hotfix_flag"), after::canonicalText);

        KeelRun drifted = keel(second, "status", "--json");
        assertEquals(0, drifted.exitCode(), drifted::toString);
        JsonNode drift = drifted.json().path("drift");
        assertFalse(drift.isMissingNode(), () -> "drift reported: " + drifted);
        assertEquals(before.hash(), drift.path("recordedFingerprint").asText());
        assertEquals(after.hash(), drift.path("currentFingerprint").asText());
        List<String> versions = secondProbe.history().stream().map(r -> r.substring(0, r.indexOf('='))).toList();
        assertEquals(versions.get(versions.size() - 1), drift.path("sinceVersion").asText());

        KeelRun text = keel(second, "status");
        assertTrue(text.stdout().contains("drift"), text::toString);

        KeelRun clean = keel(first, "status", "--json");
        assertTrue(clean.json().path("drift").isMissingNode(), "the other database has not drifted: " + clean);
    }

    private KeelRun keel(TestDatabase database, String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(options));
        args.addAll(KeelProcess.target(database, migrations));
        return KeelProcess.run(dir, args);
    }

    private static String databaseName(DatabaseProbe probe) {
        return probe.query("SELECT DATABASE() AS db").get(0).text("db").orElseThrow();
    }
}
