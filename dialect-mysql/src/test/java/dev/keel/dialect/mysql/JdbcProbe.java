package dev.keel.dialect.mysql;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.dialect.DatabaseSession;
import dev.keel.spi.dialect.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.testkit.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Looks at a test database the way the engine does (a session from {@link ConnectionPool} with the dialect's URL
 * and properties), to check what a {@code keel} process left behind.
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

    /** The first column of the first row as a number (a TINYINT(1) comes back as true/false: 1/0). */
    long count(String sql, Object... parameters) {
        return query(sql, parameters).get(0).values().values().stream().findFirst().map(v -> {
            if (v instanceof Number n) {
                return n.longValue();
            }
            String text = String.valueOf(v);
            return text.equals("true") ? 1L : text.equals("false") ? 0L : Long.parseLong(text.trim());
        }).orElse(0L);
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

    /** The history rows as "version=status applied/total", in rank order. */
    List<String> history() {
        return query("SELECT version, status, statements_applied, statements_total FROM keel_schema_history"
                + " ORDER BY installed_rank").stream()
                .map(r -> r.text("version").orElse("") + "=" + r.text("status").orElse("") + " "
                        + r.number("statements_applied").orElse(-1L) + "/" + r.number("statements_total").orElse(-1L))
                .toList();
    }

    /** Whether a table exists in the database. */
    boolean tableExists(String table) {
        return count("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = ?", table) > 0;
    }

    /** The names of a table's columns, in order. */
    List<String> columns(String table) {
        return query("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ? ORDER BY ordinal_position", table).stream().map(r -> r.text("c").orElse(""))
                .toList();
    }

    Map<String, Object> single(String sql, Object... parameters) {
        return query(sql, parameters).get(0).values();
    }

    @Override
    public void close() {
        pool.close();
    }
}
