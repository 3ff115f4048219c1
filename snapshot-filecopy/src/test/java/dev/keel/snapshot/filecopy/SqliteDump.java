package dev.keel.snapshot.filecopy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The whole content of a SQLite database as text (schema, then every row of every table in order), to compare. */
final class SqliteDump {

    private SqliteDump() {
    }

    static String of(String url) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
                while (r.next()) {
                    out.append(r.getString(1)).append(' ').append(r.getString(2)).append(": ").append(r.getString(3))
                            .append('\n');
                    if ("table".equals(r.getString(1))) {
                        tables.add(r.getString(2));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            out.append(' ').append(r.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    static void run(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
