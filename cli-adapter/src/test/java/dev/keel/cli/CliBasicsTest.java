package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.sqlite;
import static dev.keel.cli.CliRun.texts;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §9: the commands' contract — JSON output, exit codes, new, dry run, target, baseline, secrets. */
class CliBasicsTest {

    static final List<String> ALL = List.of("0001", "0002", "0003", "0004", "0005");

    @TempDir
    Path work;

    Path migrations;
    Path db;

    @BeforeEach
    void fiveMigrations() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        db = work.resolve("db.sqlite");
        for (int n = 1; n <= 5; n++) {
            Files.writeString(migrations.resolve("000" + n + "_t" + n + ".sql"), "CREATE TABLE t" + n + "(id INTEGER);\n",
                    StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "keel {0} --json")
    @ValueSource(strings = {"migrate", "status", "plan", "validate", "repair", "doctor"})
    void jsonIsExactlyOneDocumentOnStdout(String command) {
        CliRun run = keel(work, sqlite(db, migrations, command, "--json")).assertExit(0);
        JsonNode json = run.json(); // strict: one document, nothing before or after
        assertEquals(command, json.path("command").asText(), run::toString);
        assertTrue(json.path("ok").asBoolean(), run::toString);
    }

    @Test
    void jsonOfNewAndBaselineIsExactlyOneDocument() {
        JsonNode created = keel(work, sqlite(db, migrations, "new", "add orders", "--json")).assertExit(0).json();
        assertEquals("new", created.path("command").asText());
        JsonNode baseline = keel(work, sqlite(db, migrations, "baseline", "--version", "3", "--json")).assertExit(0).json();
        assertEquals("baseline", baseline.path("command").asText());
        assertEquals("3", baseline.path("version").asText());
    }

    @Test
    void jsonOfEveryKindOfErrorIsExactlyOneDocumentWithTheExitCode() throws IOException {
        Files.writeString(migrations.resolve("0006_broken.sql"), "CREATE TABLE t6(;\n");
        Path failing = db;
        List<CliRun> runs = new ArrayList<>();
        runs.add(keel(work, "--json")); // no command
        runs.add(keel(work, sqlite(db, migrations, "migrate", "--frobnicate", "--json"))); // unknown option
        runs.add(keel(work, "migrate", "--json", "--url", "jdbc:nosuchdb://x", "--migrations", migrations.toString()));
        runs.add(keel(work, sqlite(failing, migrations, "migrate", "--json"))); // 0006 fails
        runs.add(keel(work, sqlite(db, work.resolve("no-such-dir"), "migrate", "--json"))); // no migrations folder
        Files.writeString(migrations.resolve("0002_t2.sql"), "CREATE TABLE t2(id INTEGER, changed TEXT);\n");
        runs.add(keel(work, sqlite(db, migrations, "validate", "--json"))); // modified
        runs.add(keel(work, sqlite(db, migrations, "baseline", "--version", "1", "--json"))); // not empty
        for (CliRun run : runs) {
            assertTrue(run.exitCode() != 0, run::toString);
            JsonNode json = run.json();
            assertAll(run.toString(),
                    () -> assertFalse(json.path("ok").asBoolean(true)),
                    () -> assertEquals(run.exitCode(), json.path("exitCode").asInt()),
                    () -> assertFalse(json.path("problems").isEmpty()),
                    () -> assertTrue(json.path("problems").get(0).path("code").asText().startsWith("KEEL-E")),
                    () -> assertFalse(json.path("problems").get(0).path("fix").asText().isBlank()));
        }
    }

    @Test
    void noArgumentsIsAUsageErrorExit2() {
        CliRun run = keel(work).assertExit(2);
        assertTrue(run.stderr().contains("migrate"), () -> "usage names the commands: " + run);
        assertEquals("KEEL-E0104", keel(work, "--json").assertExit(2).problemCodes().get(0));
    }

    @Test
    void unknownOptionOrCommandIsAUsageErrorExit2() {
        CliRun option = keel(work, sqlite(db, migrations, "migrate", "--frobnicate")).assertExit(2);
        assertTrue(option.stderr().contains("--frobnicate"), option::toString);
        keel(work, "frobnicate").assertExit(2);
        assertFalse(Files.exists(db), "a usage error touches no database");
    }

    @Test
    void newWritesTheNextSequenceFileWithHeaderAndMarkers() throws IOException {
        JsonNode json = keel(work, sqlite(db, migrations, "new", "add orders", "--json")).assertExit(0).json();
        Path file = migrations.resolve("0006_add_orders.sql");
        assertTrue(Files.isRegularFile(file), () -> "expected " + file + ", got " + json.toPrettyString());
        assertTrue(json.path("file").asText().endsWith("0006_add_orders.sql"), json::toPrettyString);
        String text = Files.readString(file);
        assertAll(text,
                () -> assertTrue(text.contains("-- === UP MIGRATION ===")),
                () -> assertTrue(text.contains("-- === DOWN MIGRATION ===")),
                () -> assertTrue(text.indexOf("UP MIGRATION") < text.indexOf("DOWN MIGRATION")),
                () -> assertTrue(text.contains("-- Description: add orders")));

        // Filled in, the template is a working migration with a DOWN part.
        Files.writeString(file, text.replace("-- === UP MIGRATION ===\n", "-- === UP MIGRATION ===\nCREATE TABLE orders(id INTEGER);\n")
                .replace("-- === DOWN MIGRATION ===\n", "-- === DOWN MIGRATION ===\nDROP TABLE orders;\n"));
        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005", "0006"), texts(status.path("migrations"), "version"),
                status::toPrettyString);
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        assertTrue(SqliteDb.hasTable(db, "orders"));
        assertTrue(SqliteDb.history(db).get(5).get("down_checksum") != null, "the DOWN part was recognised");
    }

    @Test
    void newTwiceInARowGivesTwoVersions() {
        keel(work, sqlite(db, migrations, "new", "add orders")).assertExit(0);
        keel(work, sqlite(db, migrations, "new", "add", "customers")).assertExit(0);
        assertTrue(Files.isRegularFile(migrations.resolve("0006_add_orders.sql")), () -> list(migrations));
        assertTrue(Files.isRegularFile(migrations.resolve("0007_add_customers.sql")),
                () -> "the second new must not reuse version 0006: " + list(migrations));
    }

    @Test
    void dryRunPrintsTheStatementsAndChangesNothing() {
        CliRun text = keel(work, sqlite(db, migrations, "migrate", "--dry-run")).assertExit(0);
        for (int n = 1; n <= 5; n++) {
            assertTrue(text.stdout().contains("CREATE TABLE t" + n + "(id INTEGER)"), text::toString);
        }
        JsonNode json = keel(work, sqlite(db, migrations, "migrate", "--dry-run", "--json")).assertExit(0).json();
        assertTrue(json.path("dryRun").asBoolean());
        assertEquals(0, json.path("applied").size(), json::toPrettyString);
        assertEquals(ALL, texts(json.path("plan"), "version"));
        assertEquals("CREATE TABLE t1(id INTEGER)", json.path("plan").get(0).path("statements").get(0).path("sql").asText());

        assertFalse(SqliteDb.hasTable(db, SqliteDb.HISTORY), "a dry run creates no history table");
        assertEquals(List.of(), SqliteDb.schema(db), "a dry run creates nothing");
    }

    @Test
    void dryRunAfterAnAppliedMigrationShowsOnlyPendingAndChangesNothing() {
        keel(work, sqlite(db, migrations, "migrate", "--target", "2")).assertExit(0);
        SqliteDb.State before = SqliteDb.state(db);
        JsonNode json = keel(work, sqlite(db, migrations, "migrate", "--dry-run", "--json")).assertExit(0).json();
        assertEquals(List.of("0003", "0004", "0005"), texts(json.path("plan"), "version"));
        assertEquals(before, SqliteDb.state(db));
    }

    @Test
    void targetStopsAtThatVersion() {
        JsonNode json = keel(work, sqlite(db, migrations, "migrate", "--target", "3", "--json")).assertExit(0).json();
        assertEquals(List.of("0001", "0002", "0003"), texts(json.path("applied"), "version"));
        assertEquals(List.of("t1", "t2", "t3"), SqliteDb.userTables(db));
        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertEquals(List.of("applied", "applied", "applied", "pending", "pending"),
                texts(status.path("migrations"), "state"));
        assertEquals(2, status.path("pending").asInt());

        JsonNode rest = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(0).json();
        assertEquals(List.of("0004", "0005"), texts(rest.path("applied"), "version"));
    }

    @Test
    void unknownTargetIsRefusedAndChangesNothing() {
        CliRun run = keel(work, sqlite(db, migrations, "migrate", "--target", "99", "--json")).assertExit(2);
        run.problem("KEEL-E0307");
        assertEquals(List.of(), SqliteDb.userTables(db));
        assertEquals(List.of(), SqliteDb.history(db));
    }

    @Test
    void baselineOnAnEmptyDatabaseThenMigrateAppliesOnlyLaterVersions() {
        keel(work, sqlite(db, migrations, "baseline", "--version", "3")).assertExit(0);
        JsonNode json = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(0).json();
        assertEquals(List.of("0004", "0005"), texts(json.path("applied"), "version"));
        assertEquals(List.of("t4", "t5"), SqliteDb.userTables(db));
        List<Map<String, Object>> history = SqliteDb.history(db);
        assertEquals(List.of("baseline", "success", "success"), history.stream().map(r -> r.get("status")).toList());
        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertEquals("0005", status.path("current").asText());
        assertEquals(0, status.path("pending").asInt());
    }

    @Test
    void passwordIsNeverPrinted() throws IOException {
        String secret = "s3cr3t-Pa55word";
        Map<String, String> env = Map.of("KEEL_TEST_PASSWORD", secret);
        String url = "jdbc:sqlite:" + db + "?password=" + secret;
        List<CliRun> runs = new ArrayList<>();
        for (String json : List.of("--json", "--no-color")) {
            for (String[] command : List.of(new String[] {"plan"}, new String[] {"migrate", "--target", "2"},
                    new String[] {"status"}, new String[] {"validate"}, new String[] {"doctor"},
                    new String[] {"migrate", "--dry-run"}, new String[] {"repair"})) {
                runs.add(keel(work, env, args(command, json, "-v", "--url", url, "--password-env", "KEEL_TEST_PASSWORD",
                        "--migrations", migrations.toString())));
            }
            // An error message that quotes the URL: no dialect handles it, so nothing is contacted.
            runs.add(keel(work, env, "status", json, "--url", "jdbc:nosuchdb://localhost/x?user=u&password=" + secret,
                    "--password-env", "KEEL_TEST_PASSWORD", "--migrations", migrations.toString()));
        }
        Files.writeString(migrations.resolve("0006_broken.sql"), "CREATE TABLE t6(;\n");
        runs.add(keel(work, env, "migrate", "-v", "--url", url, "--password-env", "KEEL_TEST_PASSWORD", "--migrations",
                migrations.toString()));
        runs.add(keel(work, env, "migrate", "--json", "--url", url, "--password-env", "KEEL_TEST_PASSWORD",
                "--migrations", migrations.toString()));

        assertEquals(5, SqliteDb.history(db).stream().filter(r -> "success".equals(r.get("status"))).count(),
                "the runs really reached the database");
        for (CliRun run : runs) {
            assertFalse(run.allOutput().contains(secret), () -> "password printed:\n" + run);
        }
        assertTrue(runs.stream().anyMatch(r -> r.allOutput().contains("password=****")),
                "URLs are shown masked");
        Path keelDir = work.resolve(".keel");
        if (Files.isDirectory(keelDir)) {
            try (Stream<Path> files = Files.walk(keelDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret),
                            () -> "password written to " + file);
                }
            }
        }
    }

    private static String[] args(String[] command, String... rest) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static String list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
