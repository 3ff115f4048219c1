package dev.keel.snapshot.filecopy;

import dev.keel.spi.session.Row;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A connection of the template method's own to a maintenance database of the PostgreSQL server ({@code postgres},
 * else {@code template1}), from where databases are created, dropped and renamed: none of that can be done while
 * connected to the database concerned. Same host, port and URL parameters as the database Keel protects.
 */
final class MaintenanceSession implements AutoCloseable {

    /** The {@code application_name} of these connections, by which an interrupted take finds its statement. */
    static final String APPLICATION = "keel-snapshot";
    private static final String MISSING_DATABASE = "3D000";

    private final Connection connection;
    private final String database;
    private final int version;

    private MaintenanceSession(Connection connection, String database, int version) {
        this.connection = connection;
        this.database = database;
        this.version = version;
    }

    /**
     * Connects to {@code postgres} (or {@code template1} when that is missing, or when {@code postgres} is the
     * protected database itself).
     *
     * @param url      the protected database's URL, whose database name is replaced
     * @param protect  the protected database, never used as the maintenance database
     */
    static MaintenanceSession open(PostgresUrl url, String protect, java.util.Optional<String> user,
            java.util.Optional<String> password) throws SQLException {
        List<String> candidates = protect.equals("postgres") ? List.of("template1") : List.of("postgres", "template1");
        SQLException first = null;
        for (String name : candidates) {
            Properties properties = new Properties();
            properties.setProperty("connectTimeout", "10");
            // Configured apart from the URL (keel.yaml, KEEL_USER/KEEL_PASSWORD): the URL's own values win.
            user.ifPresent(u -> properties.setProperty("user", u));
            password.ifPresent(p -> properties.setProperty("password", p));
            Connection connection;
            try {
                connection = DriverManager.getConnection(url.withDatabase(name, "ApplicationName=" + APPLICATION),
                        properties);
            } catch (SQLException e) {
                if (!MISSING_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
                first = first == null ? e : first;
                continue;
            }
            try {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    // A timeout from the URL or the role's settings must not cut a copy of a large database short.
                    statement.execute("SET statement_timeout = 0");
                    statement.execute("SET lock_timeout = 0");
                }
                int version;
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SHOW server_version_num")) {
                    result.next();
                    version = Integer.parseInt(result.getString(1).strip());
                }
                return new MaintenanceSession(connection, name, version);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        throw first;
    }

    /** The maintenance database connected to. */
    String database() {
        return database;
    }

    /** {@code server_version_num}, e.g. 150004. */
    int version() {
        return version;
    }

    /** Runs one statement (in autocommit, as {@code CREATE DATABASE} and {@code DROP DATABASE} require). */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a query; values are text or numbers (booleans as {@code "true"} / {@code "false"}). */
    List<Row> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object value = result.getObject(c);
                        if (value != null) {
                            values.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT),
                                    value instanceof Number ? value : value.toString());
                        }
                    }
                    rows.add(new Row(values));
                }
            }
            return rows;
        }
    }

    /** The first row of a query, if any. */
    Optional<Row> one(String sql, Object... parameters) throws SQLException {
        List<Row> rows = query(sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs statements in one transaction (for settings made with {@code set_config(…, true)}). */
    void inTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Whether a database of that name exists on the server. */
    boolean databaseExists(String name) throws SQLException {
        return one("SELECT 1 AS found FROM pg_database WHERE datname = ?", name).isPresent();
    }

    /** An identifier in double quotes, as PostgreSQL reads it back unchanged. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server drops the session with the connection anyway
        }
    }

    /** Statements that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }
}
