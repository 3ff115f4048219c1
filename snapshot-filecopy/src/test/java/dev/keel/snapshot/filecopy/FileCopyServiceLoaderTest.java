package dev.keel.snapshot.filecopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.SnapshotStrategyProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks this module's {@code META-INF/services/dev.keel.spi.snapshot.SnapshotStrategyProvider} file and what
 * {@code create} accepts; creating a strategy touches nothing, so no database is needed here.
 */
class FileCopyServiceLoaderTest {

    @TempDir
    Path dir;

    private static SnapshotStrategyProvider provider() {
        List<SnapshotStrategyProvider> providers = ServiceLoader.load(SnapshotStrategyProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, providers.size(), () -> "expected one SnapshotStrategyProvider: " + providers);
        return providers.get(0);
    }

    @Test
    void services_file_lists_the_filecopy_provider_with_its_options() {
        SnapshotStrategyProvider provider = provider();
        assertInstanceOf(FileCopyStrategyProvider.class, provider);
        assertEquals("filecopy", provider.id());
        assertEquals(Set.of("dataDirectory", "stopCommand", "startCommand", "copyThreads", "method"), provider.optionNames());
    }

    @Test
    void create_picks_the_strategy_by_dialect_and_changes_nothing() {
        Path snapshots = dir.resolve("snapshots");
        assertInstanceOf(SqliteFileStrategy.class,
                provider().create(TestSnapshotContext.of("jdbc:sqlite:" + dir.resolve("a.db"), "sqlite", snapshots)));
        // Nothing answers on port 1: create must not need the server.
        assertInstanceOf(DataDirectoryStrategy.class, provider().create(
                TestSnapshotContext.of("jdbc:postgresql://127.0.0.1:1/app", "postgres", snapshots)));
        assertInstanceOf(DataDirectoryStrategy.class, provider().create(
                TestSnapshotContext.of("jdbc:mysql://127.0.0.1:1/app?password=secret", "mysql", snapshots)));
        assertTrue(!snapshots.toFile().exists(), "no snapshot folder created by create()");
        assertTrue(!dir.resolve("a.db").toFile().exists(), "no database created by create()");
    }

    @Test
    void an_unknown_database_is_refused_without_showing_the_password() {
        KeelException e = assertThrows(KeelException.class, () -> provider().create(
                TestSnapshotContext.of("jdbc:oracle:thin:scott/x@host?password=tiger", "oracle", dir)));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("filecopy snapshot strategy does not know oracle databases"), e::getMessage);
        assertTrue(!e.getMessage().contains("tiger"), e::getMessage);
    }

    @Test
    void an_in_memory_sqlite_database_is_refused() {
        for (String url : List.of("jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:x?mode=memory&cache=shared",
                "jdbc:sqlite:file::memory:?cache=shared")) {
            KeelException e = assertThrows(KeelException.class,
                    () -> provider().create(TestSnapshotContext.of(url, "sqlite", dir)), url);
            assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, e.code());
            assertTrue(e.getMessage().contains("in-memory"), e::getMessage);
        }
    }

    @Test
    void bad_option_values_are_configuration_errors_located_in_keel_yaml() {
        TestSnapshotContext base = TestSnapshotContext.of("jdbc:postgresql://127.0.0.1:1/app", "postgres", dir);
        for (Map<String, List<String>> bad : List.of(
                Map.of("copyThreads", List.of("0")),
                Map.of("copyThreads", List.of("many")),
                Map.of("copyThreads", List.of("2", "3")),
                Map.of("dataDirectory", List.of("relative/dir")),
                Map.of("stopCommand", List.of("", "stop")))) {
            KeelException e = assertThrows(KeelException.class,
                    () -> provider().create(base.withOptions(TestSnapshotContext.options(bad))), bad::toString);
            assertEquals(ErrorCode.CONFIG_INVALID, e.code(), bad::toString);
            assertTrue(e.getMessage().contains("keel.yaml:7:5"), e::getMessage);
        }
        TestSnapshotContext sqlite = TestSnapshotContext.of("jdbc:sqlite:" + dir.resolve("a.db"), "sqlite", dir);
        KeelException e = assertThrows(KeelException.class, () -> provider().create(
                sqlite.withOptions(TestSnapshotContext.options(Map.of("stopCommand", List.of("systemctl", "stop"))))));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        // copyThreads is harmless for SQLite.
        assertInstanceOf(SqliteFileStrategy.class, provider().create(
                sqlite.withOptions(TestSnapshotContext.options(Map.of("copyThreads", List.of("4"))))));
    }

    @Test
    void options_are_read_into_their_types() {
        FileCopyOptions options = FileCopyOptions.from(TestSnapshotContext.options(Map.of(
                "dataDirectory", List.of("/var/lib/postgresql/15/main/"),
                "stopCommand", List.of("pg_ctlcluster", "15", "main", "stop"),
                "startCommand", List.of("pg_ctlcluster", "15", "main", "start"),
                "copyThreads", List.of("3"))));
        assertEquals(Path.of("/var/lib/postgresql/15/main"), options.dataDirectory().orElseThrow());
        assertEquals(List.of("pg_ctlcluster", "15", "main", "stop"), options.stopCommand());
        assertEquals(List.of("pg_ctlcluster", "15", "main", "start"), options.startCommand());
        assertEquals(3, options.copyThreads());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                FileCopyOptions.from(TestSnapshotContext.options(Map.of())).copyThreads());
    }
}
