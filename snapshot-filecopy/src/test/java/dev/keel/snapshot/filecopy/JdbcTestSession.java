package dev.keel.snapshot.filecopy;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import java.sql.Connection;
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

/** A {@link DatabaseSession} over one real JDBC connection, for the tests' {@link TestSnapshotContext}. */
final class JdbcTestSession implements DatabaseSession {

    private final Connection connection;
    private final String displayUrl;
    private boolean inTransaction;

    JdbcTestSession(Connection connection, String displayUrl) {
        this.connection = connection;
        this.displayUrl = displayUrl;
    }

    @Override
    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public int update(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<Row> query(String sql, Object... parameters) {
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
                                    value instanceof Number || value instanceof byte[] ? value : value.toString());
                        }
                    }
                    rows.add(new Row(values));
                }
            }
            return rows;
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
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // never throws
        }
        inTransaction = false;
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public ServerInfo serverInfo() {
        try {
            var meta = connection.getMetaData();
            return new ServerInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                    meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion());
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
            connection.close();
        } catch (SQLException ignored) {
            // never throws
        }
    }

    private KeelException failure(SQLException e) {
        return KeelException.of(ErrorCode.DATABASE_ERROR, e.getMessage() + " (" + displayUrl + ")", "test session");
    }
}
