package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.sqlite;
import static dev.keel.cli.CliRun.texts;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2: every recognised file form, mixed in one directory, applies on SQLite in version order through the
 * CLI, and what reaches the database is the content Keel was meant to pick.
 */
class MigrationFileFormsTest {

    /** The versions a SQLite run must apply, in order (11: postgres-only, 12: cockroach-only are not here). */
    static final List<String> SQLITE_ORDER = List.of("0001", "0002", "0003", "0004", "0005", "0006", "7", "8.1", "0009",
            "0010", "0013", "0014", "0015", "0016", "0017", "20240101120000", "20240101120000123456");

    @TempDir
    Path work;

    Path migrations;
    Path db;

    @BeforeEach
    void writeEveryForm() throws IOException {
        migrations = Files.createDirectories(work.resolve("migrations"));
        db = work.resolve("db.sqlite");
        write("0001_plain.sql", "CREATE TABLE plain_t(id INTEGER);\n");
        write("0002_markers.sql", "-- === UP MIGRATION ===\nCREATE TABLE markers_t(id INTEGER);\n"
                + "-- === DOWN MIGRATION ===\nDROP TABLE markers_t;\n");
        write("0003_dbmate.sql", "-- migrate:up\nCREATE TABLE dbmate_t(id INTEGER);\n\n-- migrate:down\nDROP TABLE dbmate_t;\n");
        write("0004_pair.up.sql", "CREATE TABLE pair_t(id INTEGER);\n");
        write("0004_pair.down.sql", "DROP TABLE pair_t;\n");
        write("0005_sqlx.sql", "-- no-transaction\nCREATE TABLE sqlx_t(id INTEGER);\n");
        write("0006_header.sql", "-- Migration: 0006 header\n-- Description: a file with header comments\n"
                + "-- Author: Test Author\n-- Date: 2025-01-01\n\nCREATE TABLE header_t(id INTEGER);\n");
        write("V7__flyway.sql", "CREATE TABLE flyway_t(id INTEGER);\n");
        write("U7__flyway.sql", "DROP TABLE flyway_t;\n");
        write("V8.1__dotted.sql", "CREATE TABLE dotted_t(id INTEGER);\n");
        write("0009_rollback.sql", "CREATE TABLE rollback_t(id INTEGER);\n");
        write("rollback/0009_rollback.sql", "DROP TABLE rollback_t;\n");
        write("0010_variant.sqlite.sql", "CREATE TABLE variant_sqlite_t(id INTEGER);\n");
        write("0010_variant.sql", "CREATE TABLE variant_generic_t(id INTEGER);\n");
        write("0012_crdb_only.cockroach.sql", "CREATE TABLE cockroach_t(id INT8 DEFAULT unique_rowid());\n");
        write("0013_popx.sqlite.autocommit.up.sql", "CREATE TABLE popx_t(id INTEGER);\n");
        write("0013_popx.sqlite.autocommit.down.sql", "DROP TABLE popx_t;\n");
        write("0014_noop.sql", "-- nothing to do here\n\n/* only a block comment */\n   \n");
        write("0015_crlf.sql", "CREATE TABLE crlf_t(id INTEGER);\r\nINSERT INTO crlf_t VALUES (1);\r\n");
        Files.write(migrations.resolve("0016_bom.sql"),
                bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "CREATE TABLE bom_t(id INTEGER);\n"));
        write("0017_trigger.sql", """
                CREATE TABLE audit_t(id INTEGER, note TEXT);
                CREATE TRIGGER plain_ai AFTER INSERT ON plain_t
                BEGIN
                  INSERT INTO audit_t VALUES (NEW.id, 'one');
                  INSERT INTO audit_t VALUES (NEW.id, 'two; still inside');
                END;
                INSERT INTO plain_t VALUES (42);
                """);
        write("20240101120000_ts14.sql", "CREATE TABLE ts14_t(id INTEGER);\n");
        write("20240101120000123456_ts20.sql", "CREATE TABLE ts20_t(id INTEGER);\n");
    }

    @Test
    void everyFormAppliesInVersionOrderAndStatusShowsAllApplied() {
        JsonNode migrate = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(0).json();
        assertEquals(SQLITE_ORDER, texts(migrate.path("applied"), "version"), "applied order");

        JsonNode status = keel(work, sqlite(db, migrations, "status", "--json")).assertExit(0).json();
        assertEquals(SQLITE_ORDER, texts(status.path("migrations"), "version"), "status order");
        assertEquals(List.of("applied"), texts(status.path("migrations"), "state").stream().distinct().toList(),
                () -> "every state applied: " + status.toPrettyString());
        assertEquals(0, status.path("pending").asInt());
        assertEquals("20240101120000123456", status.path("current").asText());
        assertEquals(0, status.path("problems").size(), () -> status.toPrettyString());

        List<String> historyVersions = SqliteDb.history(db).stream().map(r -> (String) r.get("version")).toList();
        assertEquals(SQLITE_ORDER, historyVersions, "history rows in rank order");
    }

    @Test
    void eachFormsUpContentReachedTheDatabase() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        assertEquals(List.of("audit_t", "bom_t", "crlf_t", "dbmate_t", "dotted_t", "flyway_t", "header_t", "markers_t",
                "pair_t", "plain_t", "popx_t", "rollback_t", "sqlx_t", "ts14_t", "ts20_t", "variant_sqlite_t"),
                SqliteDb.userTables(db));
        assertEquals(List.of(Map.of("id", 1)), SqliteDb.query(db, "SELECT id FROM crlf_t"), "CRLF file: both statements");
        assertEquals(List.of("one", "two; still inside"),
                SqliteDb.query(db, "SELECT note FROM audit_t ORDER BY note").stream().map(r -> r.get("note")).toList(),
                "the trigger body with semicolons was sent as one statement and fires");
        assertEquals(List.of(Map.of("id", 42)), SqliteDb.query(db, "SELECT id FROM plain_t"));
        assertTrue(SqliteDb.query(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'").stream()
                .anyMatch(r -> "plain_ai".equals(r.get("name"))));
    }

    @Test
    void sqliteVariantReplacesTheGenericFileAndOtherDialectsAreIgnored() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        assertTrue(SqliteDb.hasTable(db, "variant_sqlite_t"), "the .sqlite. variant ran");
        assertFalse(SqliteDb.hasTable(db, "variant_generic_t"), "the generic 0010 file was replaced, not run");
        assertFalse(SqliteDb.hasTable(db, "cockroach_t"), "the .cockroach. variant is ignored on sqlite");
        Map<String, Map<String, Object>> rows = historyByVersion();
        assertEquals("0010_variant.sqlite.sql", rows.get("0010").get("script"));
        assertFalse(rows.containsKey("0012"), "no history row for the cockroach-only version");
    }

    @Test
    void postgresAndMysqlVariantsWithoutAGenericFileAreIgnoredOnSqlite() throws IOException {
        // SPEC §2: aliases postgres/postgresql/pg and mysql/mariadb are dialect names; a variant for another
        // dialect than the target is ignored, even when Keel has no generic file for that version.
        write("0011_pg_only.postgres.sql", "CREATE TABLE pg_only_t(id SERIAL PRIMARY KEY);\n");
        write("0011_pg_only.pg.down.sql", "DROP TABLE pg_only_t;\n");
        write("0018_my_only.mysql.sql", "CREATE TABLE my_only_t(id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n");
        write("0019_maria_only.mariadb.sql", "CREATE TABLE maria_only_t(id INT);\n");
        write("0020_pgsql_only.postgresql.sql", "CREATE TABLE pgsql_only_t(id INT);\n");

        CliRun run = keel(work, sqlite(db, migrations, "migrate", "--json"));
        run.assertExit(0);
        assertEquals(SQLITE_ORDER, texts(run.json().path("applied"), "version"));
        assertFalse(SqliteDb.hasTable(db, "pg_only_t"));
        assertFalse(SqliteDb.hasTable(db, "my_only_t"));
    }

    @Test
    void rerunAppliesNothing() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        SqliteDb.State before = SqliteDb.state(db);

        JsonNode again = keel(work, sqlite(db, migrations, "migrate", "--json")).assertExit(0).json();
        assertEquals(0, again.path("applied").size(), () -> again.toPrettyString());
        assertEquals(before, SqliteDb.state(db), "a second run changes nothing");
        assertEquals(0, keel(work, sqlite(db, migrations, "validate", "--json")).assertExit(0).json()
                .path("problems").size());
    }

    @Test
    void noTransactionFormsArePlannedOutsideATransaction() {
        JsonNode plan = keel(work, sqlite(db, migrations, "plan", "--json")).assertExit(0).json();
        Map<String, String> transaction = texts(plan.path("migrations"), "version").stream().collect(Collectors.toMap(
                Function.identity(), v -> node(plan.path("migrations"), v).path("transaction").asText()));
        assertAll(
                () -> assertEquals("none", transaction.get("0005"), "sqlx '-- no-transaction' first line"),
                () -> assertEquals("none", transaction.get("0013"), "popx .autocommit."),
                () -> assertEquals("transactional", transaction.get("0001")),
                () -> assertEquals("transactional", transaction.get("0017")));
        assertEquals(0, node(plan.path("migrations"), "0014").path("statementCount").asInt(),
                "a comment-only file sends nothing");
        assertEquals(3, node(plan.path("migrations"), "0017").path("statementCount").asInt(),
                "CREATE TABLE, CREATE TRIGGER … END, INSERT");
    }

    @Test
    void commentOnlyFileIsRecordedAsANoOp() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        Map<String, Object> noop = historyByVersion().get("0014");
        assertEquals("success", noop.get("status"));
        assertEquals(0, ((Number) noop.get("statements_total")).intValue());
    }

    @Test
    void checksumIsSha256OfUpTextWithLfEndingsAndNoBom() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        Map<String, Map<String, Object>> rows = historyByVersion();
        assertAll(
                () -> assertEquals(sha256("CREATE TABLE plain_t(id INTEGER);\n"), rows.get("0001").get("checksum")),
                () -> assertEquals(sha256("CREATE TABLE crlf_t(id INTEGER);\nINSERT INTO crlf_t VALUES (1);\n"),
                        rows.get("0015").get("checksum"), "CRLF normalised to LF"),
                () -> assertEquals(sha256("CREATE TABLE bom_t(id INTEGER);\n"), rows.get("0016").get("checksum"),
                        "BOM removed"));
    }

    @Test
    void downScriptsOfEveryFormAreRecognised() {
        keel(work, sqlite(db, migrations, "migrate")).assertExit(0);
        Map<String, Map<String, Object>> rows = historyByVersion();
        assertAll(
                () -> assertNull(rows.get("0001").get("down_checksum"), "plain file has no DOWN"),
                () -> assertEquals(sha256("DROP TABLE markers_t;\n"), rows.get("0002").get("down_checksum"), "markers"),
                () -> assertEquals(sha256("DROP TABLE dbmate_t;\n"), rows.get("0003").get("down_checksum"), "dbmate"),
                () -> assertEquals(sha256("DROP TABLE pair_t;\n"), rows.get("0004").get("down_checksum"), ".down.sql"),
                () -> assertEquals(sha256("DROP TABLE flyway_t;\n"), rows.get("7").get("down_checksum"), "U7__"),
                () -> assertEquals(sha256("DROP TABLE rollback_t;\n"), rows.get("0009").get("down_checksum"),
                        "rollback/ folder"),
                () -> assertEquals(sha256("DROP TABLE popx_t;\n"), rows.get("0013").get("down_checksum"), "popx down"),
                () -> assertEquals("0004_pair.up.sql", rows.get("0004").get("script")));
    }

    private Map<String, Map<String, Object>> historyByVersion() {
        return SqliteDb.history(db).stream().collect(Collectors.toMap(r -> (String) r.get("version"), r -> r,
                (a, b) -> b));
    }

    private static JsonNode node(JsonNode array, String version) {
        for (JsonNode n : array) {
            if (version.equals(n.path("version").asText())) {
                return n;
            }
        }
        throw new AssertionError("no version " + version + " in " + array.toPrettyString());
    }

    private void write(String name, String text) throws IOException {
        Path file = migrations.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] prefix, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
