package dev.keel.systemtests;

import dev.keel.dialect.mysql.MysqlDialect;
import dev.keel.dialect.postgres.PostgresDialect;
import dev.keel.dialect.sqlite.SqliteDatabaseFile;
import dev.keel.dialect.sqlite.SqliteDialect;
import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;

/**
 * Looks at a test database the way the engine does (a session from {@link ConnectionPool} with the dialect's URL
 * and properties), to check what a {@code keel} process left behind.
 */
public final class DatabaseProbe implements AutoCloseable {

    /** The history table's default name. */
    public static final String HISTORY = "keel_schema_history";

    private final Dialect dialect;
    private final ConnectionPool pool;

    public DatabaseProbe(Dialect dialect, TestDatabase database) {
        this.dialect = dialect;
        pool = ConnectionPool.forUrl(dialect.driverUrl(database.url()), database.user(), database.password(),
                dialect.connectionProperties());
    }

    public static DatabaseProbe postgres(TestDatabase database) {
        return new DatabaseProbe(new PostgresDialect(), database);
    }

    public static DatabaseProbe mysql(TestDatabase database) {
        return new DatabaseProbe(new MysqlDialect(), database);
    }

    public static DatabaseProbe sqlite(TestDatabase database) {
        return new DatabaseProbe(new SqliteDialect(SqliteDatabaseFile.fromUrl(database.url()), Duration.ofSeconds(10)),
                database);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new session; the caller closes it. */
    public DatabaseSession open() {
        return pool.open();
    }

    public List<Row> query(String sql, Object... parameters) {
        try (DatabaseSession session = pool.open()) {
            return session.query(sql, parameters);
        }
    }

    /** The first column of the first row as a number (a boolean or TINYINT(1) that comes back as true/false: 1/0). */
    public long count(String sql, Object... parameters) {
        return query(sql, parameters).get(0).values().values().stream().findFirst().map(v -> {
            if (v instanceof Number n) {
                return n.longValue();
            }
            String text = String.valueOf(v);
            return text.equals("true") ? 1L : text.equals("false") ? 0L : Long.parseLong(text.trim());
        }).orElse(0L);
    }

    public void execute(String sql) {
        try (DatabaseSession session = pool.open()) {
            session.execute(sql);
        }
    }

    public SchemaFingerprint fingerprint() {
        try (DatabaseSession session = pool.open()) {
            return dialect.fingerprint(session, HISTORY);
        }
    }

    /** The history rows as "version=status applied/total", in rank order. */
    public List<String> history() {
        return query("SELECT version, status, statements_applied, statements_total FROM " + HISTORY
                + " ORDER BY installed_rank").stream()
                .map(r -> r.text("version").orElse("") + "=" + r.text("status").orElse("") + " "
                        + r.number("statements_applied").orElse(-1L) + "/" + r.number("statements_total").orElse(-1L))
                .toList();
    }

    /** Whether a table exists in the current database or schema. */
    public boolean tableExists(String table) {
        return count("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = " + currentSchema()
                + " AND table_name = ?", table) > 0;
    }

    /** The names of a table's columns, in order. */
    public List<String> columns(String table) {
        return query("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = " + currentSchema()
                + " AND table_name = ? ORDER BY ordinal_position", table).stream().map(r -> r.text("c").orElse(""))
                .toList();
    }

    private String currentSchema() {
        return dialect instanceof MysqlDialect ? "DATABASE()" : "current_schema()";
    }

    @Override
    public void close() {
        pool.close();
    }
}
