package dev.keel.spi.dialect;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.Api;
import dev.keel.spi.migration.MigrationHistory;
import dev.keel.spi.schema.SchemaModel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One database family's knowledge: capabilities, statement splitting, locking and history SQL. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Dialect {

    /** The canonical id ({@code sqlite}, {@code postgres}, {@code mysql}). */
    String id();

    /** What the database can do. */
    Capabilities capabilities();

    /** The statement splitter for this database's language. */
    StatementSplitter splitter();

    /**
     * Why this statement cannot run inside a transaction on this server (e.g. PostgreSQL
     * {@code CREATE INDEX CONCURRENTLY}, or {@code ALTER TYPE … ADD VALUE} before PostgreSQL 12), or empty when it can.
     */
    Optional<String> transactionRestriction(SqlStatement statement, ServerInfo server);

    /**
     * Whether, in a migration applied statement by statement (no transaction around it), this statement can run inside
     * a transaction of its own that also holds the progress row written after it, so that both commit together or not
     * at all: a row change such as MySQL's {@code INSERT}, {@code UPDATE} or {@code DELETE}. Must be false for any
     * statement that commits by itself (MySQL DDL) or cannot run in a transaction. A wrong {@code true} for a statement
     * that commits implicitly costs nothing but the guarantee: its progress row is then committed right after it, as
     * for every statement when this is false, the default.
     */
    default boolean commitsWithProgress(SqlStatement statement) {
        return false;
    }

    /** The cross-process migration lock of SPEC §12 on this session's database. */
    DatabaseLock lock(DatabaseSession session);

    /**
     * The URL handed to the JDBC driver for a configured URL; lets a dialect accept an alias scheme its driver does
     * not know (e.g. {@code jdbc:mariadb:} for mysql-connector-j).
     */
    default String driverUrl(String configuredUrl) {
        return configuredUrl;
    }

    /** Driver properties Keel sets on every connection (e.g. SQLite's {@code busy_timeout}). */
    default Map<String, String> connectionProperties() {
        return Map.of();
    }

    /**
     * How long opening a connection may take before Keel reports the database unreachable. Ten seconds suit a
     * server: a wrong host or a stopped server fails within them, while eight Keel processes starting at once on a
     * busy two-core machine still connect. A dialect whose database is a local file allows more, since opening it
     * never waits on a network but may wait behind other processes (and their locks).
     */
    default Duration connectionTimeout() {
        return Duration.ofSeconds(10);
    }

    /**
     * The schema fingerprint of the session's database (its current schema for PostgreSQL and MySQL),
     * leaving out the history table.
     */
    SchemaFingerprint fingerprint(DatabaseSession session, String historyTable);

    /**
     * The tables of the session's database (its current schema for PostgreSQL and MySQL) with their columns, keys and
     * indexes, leaving out the history table; what schema policies check. Empty, the default, for a dialect that
     * cannot describe its schema: policies then do not run.
     */
    default Optional<SchemaModel> schema(DatabaseSession session, String historyTable) {
        return Optional.empty();
    }

    /** The number of rows in a table (for data-loss estimates). */
    long rowCount(DatabaseSession session, String table);

    /** The number of non-null values in a column (for data-loss estimates). */
    long nonNullCount(DatabaseSession session, String table, String column);

    /** The history table, read and written through the session. */
    MigrationHistory history(DatabaseSession session, String tableName);
}
