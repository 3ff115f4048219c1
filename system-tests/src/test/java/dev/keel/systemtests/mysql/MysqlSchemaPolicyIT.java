package dev.keel.systemtests.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema policies through the packaged CLI on a real MariaDB: a keel.yaml whose environment turns on the
 * {@code type-normalisation} pack and its fix; {@code keel migrate} reports each column to normalise with its ALTER,
 * applies the fix as a recorded history row, and {@code status}, {@code validate} and {@code lint --schema} accept the
 * result; the next migrate has nothing to fix; a {@code fix} whose pack is not turned on stops before anything runs.
 */
class MysqlSchemaPolicyIT {

    private static final String USERS = """
            CREATE TABLE users (
              id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              age INT NULL,
              bio TEXT,
              score FLOAT,
              name VARCHAR(50) NOT NULL,
              created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
              updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              KEY users_created (created_at),
              KEY users_updated (updated_at)
            ) DEFAULT CHARSET=latin1;
            """;

    private static final String CONFIG = """
            environments:
              ci:
                rules:
                  packs: [type-normalisation]
                  fix: [type-normalisation]
            """;

    @TempDir
    Path dir;

    private TestDatabase database;
    private DatabaseProbe probe;
    private Path migrations;

    @BeforeEach
    void setUp() throws IOException {
        database = DatabaseProvisioning.mysql();
        probe = DatabaseProbe.mysql(database);
        migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("0001_users.sql"), USERS);
    }

    @AfterEach
    void tearDown() {
        if (probe != null) {
            probe.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private KeelRun keel(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(options));
        args.addAll(List.of("--env", "ci"));
        args.addAll(KeelProcess.target(database, migrations));
        return KeelProcess.run(dir, args);
    }

    private Map<String, String> columnTypes() {
        Map<String, String> types = new TreeMap<>();
        probe.query("SELECT column_name AS c, column_type AS t, character_set_name AS s FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = 'users'")
                .forEach(r -> types.put(r.text("c").orElseThrow(), r.text("t").orElseThrow()
                        + r.text("s").map(s -> " " + s).orElse("")));
        return types;
    }

    @Test
    void migrateReportsAndFixesTheTypesAndTheFixIsRecordedHistory() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), CONFIG);
        KeelRun migrate = keel("migrate");
        assertEquals(0, migrate.exitCode(), migrate::toString);
        String out = migrate.stdout();
        assertTrue(out.contains("Schema policies (7 checked) found 8 findings:"), out);
        assertTrue(out.contains("users.age: Column users.age is int(11)"), out);
        assertTrue(out.contains("fix: ALTER TABLE `users` MODIFY COLUMN `age` BIGINT NULL;"), out);
        assertTrue(out.contains("[mysql-utf8mb4]"), out);
        assertTrue(out.contains("Fixed by << policy-fix type-normalisation >>: 7 statements, recorded in history at"
                + " version 0001."), out);
        assertTrue(out.contains("Nothing remains"), out);

        assertEquals(Map.of("age", "bigint(20)", "bio", "longtext utf8mb4", "created_at", "datetime(3)",
                "id", "bigint(20)", "name", "varchar(50) utf8mb4", "score", "double", "updated_at", "datetime(3)"),
                columnTypes());
        assertEquals(List.of("0001=success 1/1", "0001=success 7/7"), probe.history());

        KeelRun status = keel("status", "--json");
        assertEquals(0, status.exitCode(), status::toString);
        JsonNode fix = status.json().path("migrations").get(1);
        assertEquals("<< policy-fix type-normalisation >>", fix.path("script").asText(), status::toString);
        assertEquals("applied", fix.path("state").asText(), status::toString);
        assertEquals(0, status.json().path("problems").size(), status::toString);

        KeelRun validate = keel("validate");
        assertEquals(0, validate.exitCode(), validate::toString);

        KeelRun lint = keel("lint", "--schema", "--json");
        assertEquals(0, lint.exitCode(), lint::toString);
        assertEquals(0, lint.json().path("schemaPolicies").path("findings").size(), lint::toString);
        assertEquals(7, lint.json().path("schemaPolicies").path("policies").size(), lint::toString);

        String audit = Files.readString(dir.resolve(".keel/audit.log"));
        assertTrue(audit.contains("\"event\":\"policy-fix\"") && audit.contains("\"statements\":7"), audit);

        Files.writeString(migrations.resolve("0002_notes.sql"), """
                CREATE TABLE notes (
                  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                  body LONGTEXT CHARACTER SET utf8mb4,
                  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                  updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                  KEY notes_created (created_at),
                  KEY notes_updated (updated_at)
                );
                """);
        KeelRun second = keel("migrate", "--json");
        assertEquals(0, second.exitCode(), second::toString);
        JsonNode policies = second.json().path("schemaPolicies");
        assertEquals(0, policies.path("findings").size(), second::toString);
        assertEquals(0, policies.path("fixes").size(), "nothing left to fix: " + second);
        assertEquals(List.of("0001=success 1/1", "0001=success 7/7", "0002=success 1/1"), probe.history());
    }

    @Test
    void aFixWhosePackIsNotTurnedOnStopsBeforeAnythingRuns() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "environments:\n  ci:\n    rules:\n      fix: [type-normalisation]\n");
        KeelRun migrate = keel("migrate");
        assertEquals(2, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.stderr().contains("KEEL-E0101"), migrate::toString);
        assertTrue(migrate.stderr().contains("'environments.ci.rules.fix' names the pack 'type-normalisation', which is not"
                + " turned on here"), migrate::toString);
        assertTrue(!probe.tableExists("users") && !probe.tableExists(DatabaseProbe.HISTORY), "nothing ran");
    }
}
