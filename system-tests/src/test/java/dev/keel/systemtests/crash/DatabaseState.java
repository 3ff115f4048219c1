package dev.keel.systemtests.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a crash test compares: the schema as a sorted listing (tables, columns, indexes with their validity, views),
 * each table's row count and column sums (numbers summed, other values by length), and the history rows as
 * {@code version=status}. Read with plain JDBC and the catalogue of each database, independently of Keel's own
 * schema fingerprint, so that a mistake there cannot hide one here. Keel's own tables ({@code keel_…}) are left out
 * of the schema and data; the history is compared on its own.
 *
 * @param schema  one line per object, sorted
 * @param data    one line per table: {@code table: rows=N col=sum …}
 * @param history the history rows in rank order
 */
record DatabaseState(List<String> schema, List<String> data, List<String> history) {

    /** The kinds of database a crash test runs on, with their catalogue queries. */
    enum Kind {
        SQLITE, POSTGRES, MARIADB
    }

    /** Reads the state of the database at {@code url} (user and password in the URL). */
    static DatabaseState read(Kind kind, String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> schema = new ArrayList<>();
            for (String sql : schemaQueries(kind)) {
                schema.addAll(strings(s, sql));
            }
            Collections.sort(schema);
            List<String> data = new ArrayList<>();
            for (Map.Entry<String, Map<String, Boolean>> table : tables(kind, s).entrySet()) {
                data.add(table.getKey() + ": " + sums(kind, s, table.getKey(), table.getValue()));
            }
            List<String> history = new ArrayList<>();
            if (hasHistory(kind, s)) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT version, status FROM keel_schema_history ORDER BY installed_rank")) {
                    while (rs.next()) {
                        history.add(rs.getString(1) + "=" + rs.getString(2));
                    }
                }
            }
            return new DatabaseState(List.copyOf(schema), List.copyOf(data), List.copyOf(history));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state of " + url + ": " + e.getMessage(), e);
        }
    }

    /** The lines that differ from {@code other}, for a failure message. */
    String differences(DatabaseState other) {
        StringBuilder text = new StringBuilder();
        diff("schema", schema, other.schema, text);
        diff("data", data, other.data, text);
        diff("history", history, other.history, text);
        return text.toString();
    }

    private static void diff(String what, List<String> mine, List<String> theirs, StringBuilder text) {
        for (String line : mine) {
            if (!theirs.contains(line)) {
                text.append("  ").append(what).append(" only here:  ").append(line).append('\n');
            }
        }
        for (String line : theirs) {
            if (!mine.contains(line)) {
                text.append("  ").append(what).append(" only there: ").append(line).append('\n');
            }
        }
        if (text.isEmpty() && !mine.equals(theirs)) {
            text.append("  ").append(what).append(" in another order: ").append(mine).append(" vs ").append(theirs)
                    .append('\n');
        }
    }

    @Override
    public String toString() {
        return "schema:\n  " + String.join("\n  ", schema) + "\ndata:\n  " + String.join("\n  ", data) + "\nhistory: "
                + history;
    }

    private static List<String> schemaQueries(Kind kind) {
        return switch (kind) {
            case SQLITE -> List.of("SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '')"
                    + " FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                    + " AND tbl_name NOT LIKE 'keel\\_%' ESCAPE '\\'");
            case POSTGRES -> List.of(
                    "SELECT 'table ' || table_name || ' ' || table_type FROM information_schema.tables"
                            + " WHERE table_schema = current_schema() AND table_name NOT LIKE 'keel\\_%'",
                    "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable"
                            + " || ' default=' || coalesce(column_default, '-') || ' #' || ordinal_position"
                            + " FROM information_schema.columns"
                            + " WHERE table_schema = current_schema() AND table_name NOT LIKE 'keel\\_%'",
                    // An interrupted CREATE INDEX CONCURRENTLY leaves an index marked invalid: a mixture.
                    "SELECT 'index ' || ci.relname || ' valid=' || ix.indisvalid || ' ready=' || ix.indisready || ': '"
                            + " || pg_get_indexdef(ix.indexrelid) FROM pg_index ix"
                            + " JOIN pg_class ci ON ci.oid = ix.indexrelid JOIN pg_class ct ON ct.oid = ix.indrelid"
                            + " JOIN pg_namespace n ON n.oid = ct.relnamespace"
                            + " WHERE n.nspname = current_schema() AND ct.relname NOT LIKE 'keel\\_%'",
                    "SELECT 'view ' || table_name || ': ' || view_definition FROM information_schema.views"
                            + " WHERE table_schema = current_schema()",
                    "SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(c.oid) FROM pg_constraint c"
                            + " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                            + " WHERE n.nspname = current_schema() AND t.relname NOT LIKE 'keel\\_%'");
            case MARIADB -> List.of(
                    "SELECT CONCAT('table ', table_name, ' ', table_type) FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'keel\\_%'",
                    "SELECT CONCAT('column ', table_name, '.', column_name, ' ', column_type, ' null=', is_nullable,"
                            + " ' default=', COALESCE(column_default, '-'), ' #', ordinal_position)"
                            + " FROM information_schema.columns"
                            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'keel\\_%'",
                    "SELECT CONCAT('index ', table_name, '.', index_name, ' #', seq_in_index, ' ', column_name,"
                            + " ' unique=', 1 - non_unique) FROM information_schema.statistics"
                            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'keel\\_%'",
                    "SELECT CONCAT('view ', table_name, ': ', view_definition) FROM information_schema.views"
                            + " WHERE table_schema = DATABASE()");
        };
    }

    /** The base tables (not Keel's), each with its columns and whether each is a number. */
    private static Map<String, Map<String, Boolean>> tables(Kind kind, Statement s) throws SQLException {
        Map<String, Map<String, Boolean>> tables = new LinkedHashMap<>();
        if (kind == Kind.SQLITE) {
            for (String table : strings(s, "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'keel\\_%' ESCAPE '\\' ORDER BY name")) {
                Map<String, Boolean> columns = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery("PRAGMA table_info('" + table + "')")) {
                    while (rs.next()) {
                        String type = rs.getString("type").toUpperCase(Locale.ROOT);
                        columns.put(rs.getString("name"), type.contains("INT") || type.contains("REAL")
                                || type.contains("NUM") || type.contains("DEC"));
                    }
                }
                tables.put(table, columns);
            }
            return tables;
        }
        String schema = kind == Kind.POSTGRES ? "current_schema()" : "DATABASE()";
        try (ResultSet rs = s.executeQuery("SELECT c.table_name, c.column_name, c.data_type"
                + " FROM information_schema.columns c JOIN information_schema.tables t"
                + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = " + schema + " AND t.table_type = 'BASE TABLE'"
                + " AND c.table_name NOT LIKE 'keel\\_%' ORDER BY c.table_name, c.ordinal_position")) {
            while (rs.next()) {
                String type = rs.getString(3).toLowerCase(Locale.ROOT);
                boolean number = type.contains("int") || type.equals("numeric") || type.equals("decimal")
                        || type.contains("double") || type.equals("real") || type.equals("float");
                tables.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2), number);
            }
        }
        return tables;
    }

    private static String sums(Kind kind, Statement s, String table, Map<String, Boolean> columns) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
        List<String> names = new ArrayList<>();
        columns.forEach((column, number) -> {
            String quoted = kind == Kind.MARIADB ? "`" + column + "`" : "\"" + column + "\"";
            String text = kind == Kind.POSTGRES ? quoted + "::text" : quoted;
            sql.append(", ").append(number ? "SUM(" + quoted + ")" : "SUM(LENGTH(" + text + "))");
            names.add(column);
        });
        String from = kind == Kind.MARIADB ? "`" + table + "`" : "\"" + table + "\"";
        sql.append(" FROM ").append(from);
        try (ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            StringBuilder line = new StringBuilder("rows=").append(rs.getLong(1));
            for (int i = 0; i < names.size(); i++) {
                line.append(' ').append(names.get(i)).append('=').append(normalised(rs.getString(i + 2)));
            }
            return line.toString();
        }
    }

    /** {@code 12.0}, {@code 12} and {@code 12.000} are one sum. */
    private static String normalised(String number) {
        if (number == null) {
            return "null";
        }
        try {
            return new java.math.BigDecimal(number.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return number;
        }
    }

    private static boolean hasHistory(Kind kind, Statement s) throws SQLException {
        String sql = switch (kind) {
            case SQLITE -> "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'keel_schema_history'";
            case POSTGRES -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_name = 'keel_schema_history'";
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name = 'keel_schema_history'";
        };
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
