package dev.keel.systemtests.snapshot;

import dev.keel.spi.session.Row;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The database a test protects, looked at from outside keel: each look opens and closes its own connections, since
 * keel stops servers and replaces files between looks.
 */
final class Target {

    private final String dialect;
    private final TestDatabase database;
    private final Function<TestDatabase, DatabaseProbe> probes;

    private Target(String dialect, TestDatabase database, Function<TestDatabase, DatabaseProbe> probes) {
        this.dialect = dialect;
        this.database = database;
        this.probes = probes;
    }

    /** A new database on a throwaway server (dropped with the server). */
    static Target on(ThrowawayServer server) {
        String name = DatabaseProvisioning.randomName();
        server.createDatabase(name);
        TestDatabase database = TestDatabase.of(server.jdbcUrl(name), Optional.empty(), Optional.empty(),
                server + " database " + name, () -> { });
        return switch (server.kind()) {
            case POSTGRES -> new Target("postgres", database, DatabaseProbe::postgres);
            case MYSQL -> new Target("mysql", database, DatabaseProbe::mysql);
        };
    }

    /** A SQLite file in a folder (not created until first used). */
    static Target sqlite(Path folder) {
        return new Target("sqlite", DatabaseProvisioning.sqlite(folder), DatabaseProbe::sqlite);
    }

    String dialect() {
        return dialect;
    }

    /** The JDBC URL, user and password included, quoted for keel.yaml. */
    String yamlUrl() {
        return "\"" + database.url().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The SQLite file (only for SQLite). */
    Path sqliteFile() {
        return Path.of(database.url().substring("jdbc:sqlite:".length()));
    }

    /** A probe on the database; the caller closes it. */
    DatabaseProbe probe() {
        return probes.apply(database);
    }

    /** Runs statements on the database, outside keel. */
    void execute(String... statements) {
        try (DatabaseProbe probe = probe()) {
            for (String sql : statements) {
                probe.execute(sql);
            }
        }
    }

    /** The history rows ("version=status applied/total"), or empty when keel's history table does not exist. */
    List<String> history() {
        try (DatabaseProbe probe = probe()) {
            return tables(probe).contains(DatabaseProbe.HISTORY) ? probe.history() : List.of();
        }
    }

    /** Whether a table exists. */
    boolean hasTable(String table) {
        try (DatabaseProbe probe = probe()) {
            return tables(probe).contains(table);
        }
    }

    /** The schema (keel's fingerprint text, history table left out) and every table's rows, history table included. */
    DatabaseState state() {
        try (DatabaseProbe probe = probe()) {
            Map<String, List<String>> contents = new LinkedHashMap<>();
            for (String table : tables(probe)) {
                List<String> rows = new ArrayList<>();
                for (Row row : probe.query("SELECT * FROM " + quote(table))) {
                    Map<String, String> values = new TreeMap<>();
                    row.values().forEach((column, value) -> values.put(column,
                            value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : String.valueOf(value)));
                    rows.add(values.toString());
                }
                rows.sort(null);
                contents.put(table, rows);
            }
            return new DatabaseState(probe.fingerprint().canonicalText(), contents);
        }
    }

    private List<String> tables(DatabaseProbe probe) {
        String sql = switch (dialect) {
            case "sqlite" -> "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " ORDER BY name";
            case "mysql" -> "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name";
            default -> "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name";
        };
        return probe.query(sql).stream().map(r -> r.text("t").orElseThrow()).toList();
    }

    private String quote(String table) {
        return dialect.equals("mysql") ? "`" + table + "`" : "\"" + table + "\"";
    }

    @Override
    public String toString() {
        return database.description();
    }
}
