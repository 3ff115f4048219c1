package dev.keel.dialect.mysql;

import dev.keel.jdbc.HistoryColumnTypes;
import dev.keel.jdbc.JdbcMigrationHistory;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.Capabilities;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MySQL and MariaDB through mysql-connector-j. DDL is not transactional (every DDL statement commits
 * implicitly), so Keel applies a migration statement by statement and records its progress after each one; the
 * migration lock is {@code GET_LOCK} on the session that migrates; the history table lives in the URL's database.
 */
public final class MysqlDialect implements Dialect {

    private static final Capabilities CAPABILITIES = new Capabilities(false, Capabilities.LockKind.NAMED);
    private static final HistoryColumnTypes TYPES = new HistoryColumnTypes("VARCHAR(255)", "LONGTEXT", "INT", "BIGINT");
    private static final StatementSplitter SPLITTER = new MysqlStatementSplitter();

    /**
     * Driver properties forced on every connection. mysql-connector-j lets these win over the URL's parameters:
     * one statement per {@code execute} (the splitter decides where statements end), and no {@code LOAD DATA LOCAL}
     * (a migration cannot read files from the machine running Keel).
     */
    private static final Map<String, String> FORCED = Map.of(
            "allowMultiQueries", "false",
            "allowLoadLocalInfile", "false");

    /**
     * URL parameters added when the URL does not set them. {@code useLocalSessionState}: the driver keeps the autocommit
     * mode and isolation level it last set or read (at connect) instead of asking the server again, and skips a
     * {@code SET autocommit} that would not change the mode (four round trips per run). Keel sets both only through
     * JDBC, never in SQL, so the driver's copy is exact.
     */
    private static final Map<String, String> URL_DEFAULTS = Map.of(
            "connectTimeout", "10000",
            "allowPublicKeyRetrieval", "true",
            "useLocalSessionState", "true");

    public MysqlDialect() {
        // stateless
    }

    @Override
    public String id() {
        return MysqlDialectProvider.ID;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StatementSplitter splitter() {
        return SPLITTER;
    }

    /** None: DDL commits implicitly whether or not a transaction is open, so a transaction restricts nothing. */
    @Override
    public Optional<String> transactionRestriction(SqlStatement statement, ServerInfo server) {
        return Optional.empty();
    }

    /**
     * Row changes ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code REPLACE}) commit together with their progress
     * row, so a run killed between the two cannot leave a change applied that history does not count (re-running it
     * would apply it twice). DDL commits implicitly and keeps its own commit, then the progress row's.
     */
    @Override
    public boolean commitsWithProgress(SqlStatement statement) {
        return RowChangeStatements.isRowChange(statement.sql());
    }

    @Override
    public DatabaseLock lock(DatabaseSession session) {
        return new MysqlNamedLock(session);
    }

    /**
     * {@code jdbc:mariadb:} becomes {@code jdbc:mysql:} (mysql-connector-j talks to MariaDB but knows only its own
     * scheme), and {@code connectTimeout=10000}, {@code allowPublicKeyRetrieval=true} and
     * {@code useLocalSessionState=true} are added unless the URL sets them.
     */
    @Override
    public String driverUrl(String configuredUrl) {
        String url = configuredUrl;
        if (url.regionMatches(true, 0, MysqlDialectProvider.MARIADB_SCHEME, 0, MysqlDialectProvider.MARIADB_SCHEME.length())) {
            url = MysqlDialectProvider.MYSQL_SCHEME + url.substring(MysqlDialectProvider.MARIADB_SCHEME.length());
        }
        StringBuilder result = new StringBuilder(url);
        String lower = url.toLowerCase(Locale.ROOT);
        boolean hasQuery = url.indexOf('?') >= 0;
        for (Map.Entry<String, String> d : new TreeMap<>(URL_DEFAULTS).entrySet()) {
            String key = d.getKey().toLowerCase(Locale.ROOT) + "=";
            if (lower.contains("?" + key) || lower.contains("&" + key)) {
                continue;
            }
            result.append(hasQuery ? '&' : '?').append(d.getKey()).append('=').append(d.getValue());
            hasQuery = true;
        }
        return result.toString();
    }

    @Override
    public Map<String, String> connectionProperties() {
        return FORCED;
    }

    @Override
    public SchemaFingerprint fingerprint(DatabaseSession session, String historyTable) {
        return MysqlSchemaFingerprint.of(session, historyTable);
    }

    /** Base tables with columns, keys and indexes, from the catalogue rows the fingerprint reads. */
    @Override
    public Optional<SchemaModel> schema(DatabaseSession session, String historyTable) {
        return Optional.of(MysqlSchemaReader.read(session, historyTable, detect(session).product()));
    }

    @Override
    public long rowCount(DatabaseSession session, String table) {
        return count(session, "SELECT COUNT(*) AS n FROM " + quote(table));
    }

    @Override
    public long nonNullCount(DatabaseSession session, String table, String column) {
        return count(session, "SELECT COUNT(" + quote(column) + ") AS n FROM " + quote(table));
    }

    @Override
    public MigrationHistory history(DatabaseSession session, String tableName) {
        if (tableName.indexOf('.') < 0 && MysqlNamedLock.currentDatabase(session).isEmpty()) {
            throw noDatabase();
        }
        return new JdbcMigrationHistory(session, tableName, TYPES, table -> tableExists(session, table), true);
    }

    /**
     * The server's product and version from {@code SELECT VERSION()}: "MariaDB" or "MySQL", with the real major and
     * minor version. ({@link DatabaseSession#serverInfo()} reads the driver's metadata, in which mysql-connector-j
     * reports a MariaDB 10 or 11 server as version 5.5.)
     */
    public ServerInfo detect(DatabaseSession session) {
        List<Row> rows = session.query("SELECT VERSION() AS version");
        return MysqlServerVersion.parse(rows.isEmpty() ? "" : rows.get(0).text("version").orElse(""));
    }

    /** The error for a URL without a database. */
    static KeelException noDatabase() {
        return KeelException.of(ErrorCode.CONFIG_INVALID,
                "The MySQL/MariaDB URL selects no database, so Keel does not know where to migrate.",
                "Name the database in the URL, e.g. jdbc:mysql://127.0.0.1:3306/app (or qualify 'historyTable' as"
                        + " db.keel_schema_history).");
    }

    private static long count(DatabaseSession session, String sql) {
        List<Row> rows = session.query(sql);
        return rows.isEmpty() ? 0 : rows.get(0).number("n").orElse(0L);
    }

    private static boolean tableExists(DatabaseSession session, String table) {
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        return !session.query("SELECT 1 AS present FROM information_schema.tables"
                + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?", schema, name).isEmpty();
    }

    /** Quotes an identifier, optionally database-qualified, with backticks, so names from files cannot inject SQL. */
    static String quote(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : name.split("\\.", 2)) {
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append('`').append(part.replace("`", "``")).append('`');
        }
        return quoted.toString();
    }
}
