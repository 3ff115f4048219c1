package dev.keel.dialect.mysql;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.testkit.TestDatabase;
import java.util.List;

/**
 * Looks at a test database the way the engine does: a session from {@link ConnectionPool} with the dialect's URL
 * and properties.
 */
final class JdbcProbe implements AutoCloseable {

    private final MysqlDialect dialect = new MysqlDialect();
    private final ConnectionPool pool;

    JdbcProbe(TestDatabase database) {
        pool = ConnectionPool.forUrl(dialect.driverUrl(database.url()), database.user(), database.password(),
                dialect.connectionProperties());
    }

    MysqlDialect dialect() {
        return dialect;
    }

    DatabaseSession open() {
        return pool.open();
    }

    List<Row> query(String sql, Object... parameters) {
        try (DatabaseSession session = pool.open()) {
            return session.query(sql, parameters);
        }
    }

    void execute(String sql) {
        try (DatabaseSession session = pool.open()) {
            session.execute(sql);
        }
    }

    SchemaFingerprint fingerprint() {
        try (DatabaseSession session = pool.open()) {
            return dialect.fingerprint(session, "keel_schema_history");
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
