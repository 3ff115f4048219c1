package dev.keel.dialect.sqlite;

import dev.keel.jdbc.HistoryColumnTypes;
import dev.keel.jdbc.JdbcMigrationHistory;
import dev.keel.spi.dialect.Capabilities;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.MigrationHistory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SQLite: transactional DDL, a lock file beside the database plus {@code BEGIN IMMEDIATE} transactions,
 * and the history table in the same file.
 */
public final class SqliteDialect implements Dialect {

    private static final Capabilities CAPABILITIES = new Capabilities(true, Capabilities.LockKind.FILE);
    private static final HistoryColumnTypes TYPES = new HistoryColumnTypes("TEXT", "TEXT", "INTEGER", "INTEGER");
    private static final Pattern VACUUM = Pattern.compile("(?is)^\\s*VACUUM\\b.*");
    /** Transaction control written into a file would commit or end Keel's own transaction half-way. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^\\s*(BEGIN|COMMIT|END|ROLLBACK(?!\\s+(TRANSACTION\\s+)?TO\\b))\\b.*");
    private static final StatementSplitter SPLITTER = new SqliteStatementSplitter();

    private final SqliteDatabaseFile file;
    private final Duration lockTimeout;

    public SqliteDialect(SqliteDatabaseFile file, Duration lockTimeout) {
        this.file = file;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StatementSplitter splitter() {
        return SPLITTER;
    }

    @Override
    public Optional<String> transactionRestriction(SqlStatement statement, ServerInfo server) {
        if (VACUUM.matcher(statement.sql()).matches()) {
            return Optional.of("SQLite cannot VACUUM inside a transaction");
        }
        if (TRANSACTION_CONTROL.matcher(statement.sql()).matches()) {
            return Optional.of("it controls the transaction Keel runs the migration in (it would commit or end it"
                    + " half-way)");
        }
        return Optional.empty();
    }

    @Override
    public DatabaseLock lock(DatabaseSession session) {
        return new SqliteFileLock(file);
    }

    @Override
    public Map<String, String> connectionProperties() {
        // Wait for other writers instead of failing with SQLITE_BUSY, and take the write lock at BEGIN.
        return Map.of(
                "busy_timeout", Long.toString(Math.max(1, lockTimeout.toMillis())),
                "transaction_mode", "IMMEDIATE");
    }

    /**
     * The lock timeout plus ten seconds: opening the file runs pragmas that may wait on another process's write for
     * up to {@code busy_timeout}, and eight Keel processes starting at once on a loaded machine can take seconds to
     * open a connection, which is no reason to call the database unreachable.
     */
    @Override
    public Duration connectionTimeout() {
        return lockTimeout.plusSeconds(10);
    }

    @Override
    public SchemaFingerprint fingerprint(DatabaseSession session, String historyTable) {
        StringBuilder text = new StringBuilder();
        String history = historyTable.substring(historyTable.indexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (Row row : session.query("SELECT type, name, tbl_name, sql FROM sqlite_master"
                + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")) {
            String name = row.text("name").orElse("");
            String table = row.text("tbl_name").orElse("");
            if (name.equalsIgnoreCase(history) || table.equalsIgnoreCase(history)) {
                continue;
            }
            text.append(row.text("type").orElse("")).append(' ').append(name).append(" on ").append(table).append(": ")
                    .append(row.text("sql").map(SqliteDialect::canonicalSql).orElse("(automatic)")).append('\n');
        }
        return SchemaFingerprint.of(text.toString());
    }

    @Override
    public long rowCount(DatabaseSession session, String table) {
        return session.query("SELECT count(*) AS n FROM " + quote(table)).get(0).number("n").orElse(0L);
    }

    @Override
    public long nonNullCount(DatabaseSession session, String table, String column) {
        return session.query("SELECT count(" + quote(column) + ") AS n FROM " + quote(table)).get(0).number("n")
                .orElse(0L);
    }

    /** Whitespace collapsed, so re-indenting a file does not look like a schema change. */
    private static String canonicalSql(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    /** Quotes an identifier, optionally schema-qualified, so names from files cannot inject SQL. */
    private static String quote(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : name.split("\\.", 2)) {
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return quoted.toString();
    }

    @Override
    public MigrationHistory history(DatabaseSession session, String tableName) {
        return new JdbcMigrationHistory(session, tableName, TYPES, table -> tableExists(session, table));
    }

    private static boolean tableExists(DatabaseSession session, String table) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? "main" : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        return !session.query("SELECT 1 FROM \"" + schema.replace("\"", "") + "\".sqlite_master"
                + " WHERE type = 'table' AND lower(name) = ?", name.toLowerCase(Locale.ROOT)).isEmpty();
    }
}
