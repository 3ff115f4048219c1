package dev.keel.jdbc;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.ServerInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
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

/**
 * The {@link DatabaseSession} port over one JDBC connection. Every {@link SQLException} becomes a
 * {@link KeelException} with {@code DATABASE_ERROR} carrying the driver's message and SQLState.
 */
public final class JdbcDatabaseSession implements DatabaseSession {

    private final Connection connection;
    private final String displayUrl;
    private final String secret;
    private Statement plain;
    /** Statements {@link #updateKept} keeps prepared until the session closes, by SQL text. */
    private final Map<String, PreparedStatement> kept = new HashMap<>();
    private boolean inTransaction;

    /**
     * @param connection an open connection; this session owns it
     * @param displayUrl the URL with passwords masked
     * @param secret     the password, scrubbed from any driver message (may be null)
     */
    public JdbcDatabaseSession(Connection connection, String displayUrl, String secret) {
        this.connection = connection;
        this.displayUrl = displayUrl;
        this.secret = secret;
    }

    @Override
    public void execute(String sql) {
        try {
            if (plain == null) {
                plain = connection.createStatement();
            }
            boolean rows = plain.execute(sql);
            // Close every result (RETURNING, procedures): an open result set keeps the statement running, and
            // SQLite then refuses to commit ("SQL statements in progress").
            while (true) {
                if (rows) {
                    try (ResultSet ignored = plain.getResultSet()) {
                        // migrations return no rows Keel uses
                    }
                } else if (plain.getUpdateCount() == -1) {
                    break;
                }
                rows = plain.getMoreResults();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public int update(String sql, Object... parameters) {
        // Prepared per call on purpose: a statement kept open counts as "in progress" to SQLite and blocks VACUUM.
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * As {@link #update}, but the statement stays prepared until the session closes, for an update a run repeats
     * (the history writes of every migration): the driver parses the SQL once instead of on every call. Not for
     * SQLite, where an open statement counts as "in progress" and blocks VACUUM.
     */
    public int updateKept(String sql, Object... parameters) {
        try {
            PreparedStatement statement = kept.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                kept.put(sql, statement);
            }
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<Row> query(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                Map<String, Integer> index = new HashMap<>(columns * 2);
                for (int i = 0; i < columns; i++) {
                    index.putIfAbsent(meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT), i);
                }
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] values = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        Object value = rs.getObject(i + 1);
                        values[i] = value == null ? null : plainValue(value);
                    }
                    rows.add(new Row(new ColumnValues(index, values)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void begin() {
        try {
            connection.setAutoCommit(false);
            inTransaction = true;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void commit() {
        try {
            connection.commit();
            connection.setAutoCommit(true);
            inTransaction = false;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The connection may be broken; the database rolls back an open transaction on close anyway.
        } finally {
            inTransaction = false;
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public ServerInfo serverInfo() {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String version = meta.getDatabaseProductVersion();
            if (version.contains("MariaDB")) {
                // MySQL's driver reports MariaDB as "MySQL" with the replication handshake prefix "5.5.5-":
                // the real version is the text after it.
                String real = version.startsWith("5.5.5-") ? version.substring("5.5.5-".length()) : version;
                String[] numbers = real.split("[^0-9]+", 3);
                int major = numbers.length > 0 && !numbers[0].isEmpty() ? Integer.parseInt(numbers[0]) : 0;
                int minor = numbers.length > 1 && !numbers[1].isEmpty() ? Integer.parseInt(numbers[1]) : 0;
                return new ServerInfo("MariaDB", real, major, minor);
            }
            return new ServerInfo(meta.getDatabaseProductName(), version, meta.getDatabaseMajorVersion(),
                    meta.getDatabaseMinorVersion());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public String displayUrl() {
        return displayUrl;
    }

    @Override
    public void close() {
        try {
            if (plain != null) {
                plain.close();
            }
            for (PreparedStatement statement : kept.values()) {
                statement.close();
            }
            rollback();
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the pool or the OS reclaims the connection.
        }
    }

    /** Converts a driver exception into Keel's, with the message scrubbed of the password. */
    public KeelException failure(SQLException e) {
        String message = MaskedUrl.scrub(e.getMessage(), secret).strip();
        String state = e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        return new KeelException(dev.keel.spi.Problem.of(ErrorCode.DATABASE_ERROR, message + state,
                "See the database's message above; fix the statement or the database state and retry."), e);
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static Object plainValue(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Long || value instanceof Double || value instanceof String || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value.toString();
    }
}
