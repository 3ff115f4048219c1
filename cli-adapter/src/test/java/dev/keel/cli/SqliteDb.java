package dev.keel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a real SQLite file with sqlite-jdbc, independently of Keel, so tests check what is really in the
 * database. A file that does not exist reads as empty (and is not created).
 */
final class SqliteDb {

    static final String HISTORY = "keel_schema_history";

    private SqliteDb() {
    }

    /** What the database holds: its schema (sqlite_master) and every history row. */
    record State(List<String> schema, List<Map<String, Object>> history) {
    }

    static State state(Path db) {
        return new State(schema(db), history(db));
    }

    /** Every schema object as "type name on table: sql", sorted. */
    static List<String> schema(Path db) {
        return query(db, "SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') AS line"
                + " FROM sqlite_master ORDER BY type, name").stream().map(r -> (String) r.get("line")).toList();
    }

    /** Names of tables other than SQLite's own and Keel's history table, sorted. */
    static List<String> userTables(Path db) {
        return query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name <> '" + HISTORY + "' ORDER BY name").stream().map(r -> (String) r.get("name")).toList();
    }

    static boolean hasTable(Path db, String table) {
        return !query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'").isEmpty();
    }

    /** Every history row in rank order (empty when there is no history table). */
    static List<Map<String, Object>> history(Path db) {
        if (!hasTable(db, HISTORY)) {
            return List.of();
        }
        return query(db, "SELECT * FROM " + HISTORY + " ORDER BY installed_rank");
    }

    /** Rows of a query as column-name → value maps. */
    static List<Map<String, Object>> query(Path db, String sql) {
        if (!Files.exists(db)) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + db + ": " + sql, e);
        }
    }

    /** Runs statements on the database directly (test set-up only). */
    static void execute(Path db, String... sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run on " + db, e);
        }
    }
}
