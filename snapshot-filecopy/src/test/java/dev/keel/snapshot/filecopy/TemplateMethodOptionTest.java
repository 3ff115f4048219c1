package dev.keel.snapshot.filecopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code method} option of {@code filecopy} and the names the template method derives (snapshot database, URL
 * of the maintenance database); no database is needed here.
 */
class TemplateMethodOptionTest {

    @TempDir
    Path dir;

    private SnapshotStrategy create(String url, String dialect, Map<String, List<String>> options) {
        return new FileCopyStrategyProvider().create(
                TestSnapshotContext.of(url, dialect, dir.resolve("snapshots")).withOptions(TestSnapshotContext.options(options)));
    }

    @Test
    void method_is_one_of_the_option_names() {
        assertTrue(new FileCopyStrategyProvider().optionNames().contains("method"));
    }

    @Test
    void method_picks_the_strategy_and_create_needs_no_server() {
        // Nothing answers on port 1: create must not connect.
        String url = "jdbc:postgresql://127.0.0.1:1/app?user=keel&password=secret";
        assertInstanceOf(DataDirectoryStrategy.class, create(url, "postgres", Map.of()));
        assertInstanceOf(DataDirectoryStrategy.class, create(url, "postgres", Map.of("method", List.of("directory"))));
        SnapshotStrategy template = create(url, "postgres", Map.of("method", List.of("template")));
        assertInstanceOf(TemplateDatabaseStrategy.class, template);
        assertEquals("filecopy", template.id());
        assertEquals("PostgreSQL database app copied by the server (CREATE DATABASE … TEMPLATE), no server stop; "
                + "needs the database to have no other sessions", template.describe());
        // dataDirectory (for the free-space check) and copyThreads (unused) are accepted.
        assertInstanceOf(TemplateDatabaseStrategy.class, create(url, "postgres", Map.of("method", List.of("template"),
                "dataDirectory", List.of("/var/lib/postgresql/15/main"), "copyThreads", List.of("2"))));
        assertFalse(dir.resolve("snapshots").toFile().exists(), "no snapshot folder created by create()");
        assertEquals(FileCopyOptions.Method.DIRECTORY, FileCopyOptions.from(TestSnapshotContext.options(Map.of())).method());
    }

    @Test
    void template_for_another_dialect_or_an_unknown_method_is_a_configuration_error_at_its_origin() {
        for (String[] bad : List.of(
                new String[] {"jdbc:sqlite:" + dir.resolve("a.db"), "sqlite", "template"},
                new String[] {"jdbc:mysql://127.0.0.1:1/app?password=secret", "mysql", "template"},
                new String[] {"jdbc:postgresql://127.0.0.1:1/app?password=secret", "postgres", "snapshot"},
                new String[] {"jdbc:postgresql://127.0.0.1:1/app?password=secret", "postgres", "Template"})) {
            KeelException e = assertThrows(KeelException.class,
                    () -> create(bad[0], bad[1], Map.of("method", List.of(bad[2]))), () -> String.join(" ", bad));
            assertEquals(ErrorCode.CONFIG_INVALID, e.code(), e::getMessage);
            assertTrue(e.getMessage().contains("'method'") && e.getMessage().contains("keel.yaml:7:5"), e::getMessage);
            assertFalse(e.getMessage().contains("secret"), e::getMessage);
        }
        KeelException e = assertThrows(KeelException.class, () -> create("jdbc:mysql://127.0.0.1:1/app", "mysql",
                Map.of("method", List.of("template"))));
        assertTrue(e.getMessage().contains("PostgreSQL only"), e::getMessage);
    }

    @Test
    void template_refuses_the_commands_that_stop_and_start_a_server() {
        for (String name : List.of("stopCommand", "startCommand")) {
            KeelException e = assertThrows(KeelException.class, () -> create("jdbc:postgresql://127.0.0.1:1/app",
                    "postgres", Map.of("method", List.of("template"), name, List.of("systemctl", "stop", "pg"))));
            assertEquals(ErrorCode.CONFIG_INVALID, e.code());
            assertTrue(e.getMessage().contains("'" + name + "'") && e.getMessage().contains("keel.yaml:7:5"),
                    e::getMessage);
        }
    }

    @Test
    void snapshot_database_names_are_plain_and_fit_in_63_bytes() {
        assertEquals("keel_snap_20261122t081530z_3f2a", TemplateDatabaseStrategy.snapshotDatabase("20261122T081530Z-3f2a"));
        assertEquals("keel_snap_a_b_c", TemplateDatabaseStrategy.snapshotDatabase("a.b-c"));
        String longId = "x".repeat(200);
        String name = TemplateDatabaseStrategy.snapshotDatabase(longId);
        assertEquals(63, name.length());
        assertTrue(name.startsWith("keel_snap_xxx") && name.matches("[a-z0-9_]+"), name);
        assertFalse(name.equals(TemplateDatabaseStrategy.snapshotDatabase("x".repeat(199) + "y")));
    }

    @Test
    void the_maintenance_url_keeps_host_port_and_parameters() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db1:5432,db2:5433/my%20app?user=keel&password=s&ssl=true")
                .orElseThrow();
        assertEquals("my app", url.database());
        assertEquals("jdbc:postgresql://db1:5432,db2:5433/postgres?user=keel&password=s&ssl=true&ApplicationName=k",
                url.withDatabase("postgres", "ApplicationName=k"));
        assertEquals("jdbc:postgresql://h/postgres?ApplicationName=k",
                PostgresUrl.parse("jdbc:postgresql://h/app").orElseThrow().withDatabase("postgres", "ApplicationName=k"));
        assertEquals("", PostgresUrl.parse("jdbc:postgresql://h/?user=u").orElseThrow().database());
        assertEquals("", PostgresUrl.parse("jdbc:postgresql://h").orElseThrow().database());
        assertEquals("jdbc:postgresql:template1?ApplicationName=k",
                PostgresUrl.parse("jdbc:postgresql:app").orElseThrow().withDatabase("template1", "ApplicationName=k"));
        assertTrue(PostgresUrl.parse("jdbc:mysql://h/app").isEmpty());
    }
}
