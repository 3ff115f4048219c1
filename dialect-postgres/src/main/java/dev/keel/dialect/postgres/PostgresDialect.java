package dev.keel.dialect.postgres;

import dev.keel.jdbc.HistoryColumnTypes;
import dev.keel.jdbc.JdbcMigrationHistory;
import dev.keel.spi.dialect.Capabilities;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL (tested with 15): transactional DDL, so each migration runs in its own transaction; statements the
 * server refuses inside a transaction block are recognised before anything runs (see
 * {@link #transactionRestriction}); the migration lock is a session-level advisory lock taken by polling (see
 * {@code PostgresAdvisoryLock}); the history table lives in the current schema unless its name is
 * schema-qualified; the fingerprint covers the current schema.
 */
public final class PostgresDialect implements Dialect {

    private static final Capabilities CAPABILITIES = new Capabilities(true, Capabilities.LockKind.ADVISORY);
    private static final HistoryColumnTypes TYPES = new HistoryColumnTypes("VARCHAR(200)", "TEXT", "INTEGER", "BIGINT");
    private static final StatementSplitter SPLITTER = new PostgresStatementSplitter();
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    /** Seconds the driver waits for a TCP connection before reporting the database unreachable. */
    private static final String CONNECT_TIMEOUT_SECONDS = "10";

    /** Stateless: the lock timeout reaches the lock through {@link DatabaseLock#acquire}. */
    public PostgresDialect() {
        // nothing to hold
    }

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StatementSplitter splitter() {
        return SPLITTER;
    }

    /**
     * Why a statement cannot run in a transaction: {@code CREATE | DROP INDEX CONCURRENTLY}, {@code REINDEX …
     * CONCURRENTLY}, {@code REINDEX SCHEMA | DATABASE | SYSTEM}, {@code DETACH PARTITION … CONCURRENTLY},
     * {@code VACUUM}, {@code CLUSTER} without a table, {@code CREATE | DROP DATABASE | TABLESPACE},
     * {@code ALTER DATABASE … SET TABLESPACE}, {@code ALTER SYSTEM}, {@code DISCARD ALL}, {@code COMMIT | ROLLBACK
     * PREPARED}, subscriptions that touch replication slots, {@code ALTER TYPE … ADD VALUE} before PostgreSQL 12,
     * and transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, …) that would break the migration's
     * own transaction.
     */
    @Override
    public Optional<String> transactionRestriction(SqlStatement statement, ServerInfo server) {
        return NonTransactionalStatements.reason(statement.sql(), server);
    }

    @Override
    public DatabaseLock lock(DatabaseSession session) {
        return new PostgresAdvisoryLock(session);
    }

    /** {@code ApplicationName=keel} (visible in {@code pg_stat_activity}) and a 10 s connect timeout. */
    @Override
    public Map<String, String> connectionProperties() {
        return Map.of("ApplicationName", "keel", "connectTimeout", CONNECT_TIMEOUT_SECONDS);
    }

    @Override
    public SchemaFingerprint fingerprint(DatabaseSession session, String historyTable) {
        return PostgresSchemaFingerprint.of(session, historyOid(session, historyTable));
    }

    /**
     * Counts the rows of a table. The name may be schema-qualified; each part is taken as PostgreSQL would read it
     * in SQL (an unquoted name folds to lower case, a {@code "quoted"} one is exact) and quoted again, so a name
     * cannot inject SQL.
     */
    @Override
    public long rowCount(DatabaseSession session, String table) {
        return session.query("SELECT count(*) AS n FROM " + quotedName(table)).get(0).number("n").orElse(0L);
    }

    /** Counts the non-null values of a column; names are read as in {@link #rowCount}. */
    @Override
    public long nonNullCount(DatabaseSession session, String table, String column) {
        return session.query("SELECT count(" + quotedName(column) + ") AS n FROM " + quotedName(table)).get(0)
                .number("n").orElse(0L);
    }

    @Override
    public MigrationHistory history(DatabaseSession session, String tableName) {
        return new JdbcMigrationHistory(session, tableName, TYPES, table -> historyOid(session, table) != 0, true);
    }

    /**
     * The oid of a table named as in {@code historyTable} ({@code table} in the current schema, or
     * {@code schema.table}), 0 when there is none.
     */
    private static long historyOid(DatabaseSession session, String table) {
        String sql = table.indexOf('.') >= 0
                ? "SELECT coalesce(to_regclass(?)::oid, 0) AS oid"
                : "SELECT coalesce(to_regclass(quote_ident(current_schema()) || '.' || ?)::oid, 0) AS oid";
        return session.query(sql, table).get(0).number("oid").orElse(0L);
    }

    /** An identifier, optionally qualified ({@code schema.table}), quoted part by part. */
    static String quotedName(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : parts(name)) {
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return quoted.toString();
    }

    /** The parts of a dotted name as the catalog spells them: unquoted parts folded to lower case. */
    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = name.length();
        while (i <= n) {
            StringBuilder part = new StringBuilder();
            if (i < n && name.charAt(i) == '"') {
                int j = i + 1;
                while (j < n) {
                    if (name.charAt(j) == '"') {
                        if (j + 1 < n && name.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(name.charAt(j++));
                }
                i = j + 1; // past the closing quote
                parts.add(part.toString());
            } else {
                int dot = name.indexOf('.', i);
                int j = dot < 0 ? n : dot;
                String raw = name.substring(i, j).strip();
                parts.add(PLAIN_IDENTIFIER.matcher(raw).matches() ? raw.toLowerCase(Locale.ROOT) : raw);
                i = j;
            }
            if (i < n && name.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        return parts;
    }
}
