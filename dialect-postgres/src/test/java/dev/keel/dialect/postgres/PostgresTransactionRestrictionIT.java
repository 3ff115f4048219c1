package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Checks {@link PostgresDialect#transactionRestriction} against the server itself: every statement the dialect names
 * is refused inside a transaction block (SQLState 25001), and every statement it lets through is not. Each statement
 * is tried inside {@code BEGIN … ROLLBACK}, so nothing stays. Statements whose effect outside a transaction would
 * reach beyond the test database (ALTER SYSTEM, tablespaces, subscriptions) are covered by the unit test only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTransactionRestrictionIT {

    private static final String NOT_IN_TRANSACTION_BLOCK = "25001";

    private TestDatabase database;
    private Connection connection;
    private ServerInfo server;
    private String name;

    @BeforeAll
    void provision() throws SQLException {
        database = DatabaseProvisioning.postgres();
        Properties p = new Properties();
        database.user().ifPresent(u -> p.setProperty("user", u));
        database.password().ifPresent(pw -> p.setProperty("password", pw));
        connection = DriverManager.getConnection(database.url(), p);
        var meta = connection.getMetaData();
        server = new ServerInfo(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion());
        try (Statement s = connection.createStatement()) {
            var rs = s.executeQuery("SELECT current_database()");
            rs.next();
            name = rs.getString(1);
            for (String sql : List.of(
                    "CREATE TABLE t (a int PRIMARY KEY, b text)",
                    "CREATE INDEX t_b ON t (b)",
                    "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                    "CREATE TABLE m (k int) PARTITION BY RANGE (k)",
                    "CREATE TABLE m_1 PARTITION OF m FOR VALUES FROM (0) TO (10)")) {
                s.execute(sql);
            }
        }
    }

    @AfterAll
    void drop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyNamedStatementIsRefusedInsideATransactionBlock() throws SQLException {
        List<String> restricted = List.of(
                "CREATE INDEX CONCURRENTLY t_b2 ON t (b)",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_b3 ON t (b)",
                "DROP INDEX CONCURRENTLY t_b",
                "DROP INDEX CONCURRENTLY IF EXISTS t_missing",
                "REINDEX INDEX CONCURRENTLY t_b",
                "REINDEX TABLE CONCURRENTLY t",
                "REINDEX (CONCURRENTLY) TABLE t",
                "REINDEX SCHEMA public",
                "REINDEX DATABASE " + name,
                "REINDEX SYSTEM " + name,
                "VACUUM",
                "VACUUM (ANALYZE) t",
                "VACUUM FULL t",
                "CLUSTER",
                "CREATE DATABASE keel_never_created",
                "DROP DATABASE IF EXISTS keel_never_created",
                "ALTER DATABASE " + name + " SET TABLESPACE pg_default",
                "ALTER TABLE m DETACH PARTITION m_1 CONCURRENTLY",
                "DISCARD ALL",
                "COMMIT PREPARED 'keel_none'",
                "ROLLBACK PREPARED 'keel_none'");
        List<String> wrong = new ArrayList<>();
        for (String sql : restricted) {
            Optional<String> reason = reason(sql);
            String state = stateInsideTransaction(sql);
            if (reason.isEmpty() || !NOT_IN_TRANSACTION_BLOCK.equals(state)) {
                wrong.add(sql + " → dialect: " + reason.orElse("(allowed)") + ", server: " + state);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOtherStatementRunsInsideATransactionBlock() throws SQLException {
        List<String> allowed = List.of(
                "CREATE INDEX t_b4 ON t (b)",
                "DROP INDEX t_b",
                "REINDEX TABLE t",
                "REINDEX INDEX t_pkey",
                "REINDEX (CONCURRENTLY false) TABLE t",
                "CLUSTER t USING t_pkey",
                "ANALYZE t",
                "ALTER DATABASE " + name + " SET work_mem = '8MB'",
                "ALTER TABLE m DETACH PARTITION m_1",
                "DISCARD PLANS",
                "ALTER TYPE mood ADD VALUE 'happy'",
                "CREATE TABLE vacuum_log (a int)",
                "SAVEPOINT s",
                "DO $$ BEGIN PERFORM 1; END $$");
        assertTrue(server.major() >= 12, "ALTER TYPE … ADD VALUE runs in a transaction from PostgreSQL 12");
        List<String> wrong = new ArrayList<>();
        for (String sql : allowed) {
            Optional<String> reason = reason(sql);
            String state = stateInsideTransaction(sql);
            if (reason.isPresent() || NOT_IN_TRANSACTION_BLOCK.equals(state) || !state.equals("ok")) {
                wrong.add(sql + " → dialect: " + reason.orElse("(allowed)") + ", server: " + state);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void restrictedStatementsRunOutsideATransaction() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String sql : List.of("CREATE INDEX CONCURRENTLY t_c ON t (b)", "REINDEX INDEX CONCURRENTLY t_c",
                    "DROP INDEX CONCURRENTLY t_c", "VACUUM (ANALYZE) t", "REINDEX SCHEMA public")) {
                s.execute(sql);
            }
        }
    }

    private Optional<String> reason(String sql) {
        return new PostgresDialect().transactionRestriction(new SqlStatement(sql, 0, 1, 1), server);
    }

    /** Runs the statement in a transaction that is rolled back; "ok" or the SQLState of the failure. */
    private String stateInsideTransaction(String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            return "ok";
        } catch (SQLException e) {
            return e.getSQLState();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
