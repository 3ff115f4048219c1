package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonTransactionalStatementsTest {

    private static final ServerInfo PG15 = new ServerInfo("PostgreSQL", "15.4", 15, 4);
    private static final ServerInfo PG11 = new ServerInfo("PostgreSQL", "11.22", 11, 22);
    private final PostgresDialect dialect = new PostgresDialect();

    private Optional<String> reason(String sql, ServerInfo server) {
        return dialect.transactionRestriction(new SqlStatement(sql, 0, 1, 1), server);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX CONCURRENTLY i ON t (a)",
        "create unique index concurrently if not exists i on t (a)",
        "CREATE /* why */ INDEX\n  CONCURRENTLY i ON t USING gin (doc)",
        "DROP INDEX CONCURRENTLY IF EXISTS i",
        "REINDEX INDEX CONCURRENTLY i",
        "REINDEX TABLE CONCURRENTLY t",
        "REINDEX (CONCURRENTLY) TABLE t",
        "REINDEX (VERBOSE, CONCURRENTLY true) INDEX i",
        "REINDEX SCHEMA public",
        "REINDEX DATABASE app",
        "REINDEX SYSTEM",
        "VACUUM",
        "VACUUM (ANALYZE) t",
        "vacuum full t",
        "CLUSTER",
        "CLUSTER VERBOSE",
        "CREATE DATABASE other",
        "DROP DATABASE IF EXISTS other",
        "ALTER DATABASE app SET TABLESPACE fast",
        "CREATE TABLESPACE fast LOCATION '/srv'",
        "DROP TABLESPACE fast",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY",
        "DISCARD ALL",
        "COMMIT PREPARED 'x'",
        "ROLLBACK PREPARED 'x'",
        "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p",
        "DROP SUBSCRIPTION s",
        "ALTER SUBSCRIPTION s REFRESH PUBLICATION",
        "ALTER SUBSCRIPTION s SET PUBLICATION p",
        "BEGIN",
        "BEGIN ISOLATION LEVEL SERIALIZABLE",
        "START TRANSACTION",
        "COMMIT",
        "END",
        "ROLLBACK",
        "ABORT",
        "PREPARE TRANSACTION 'x'"
    })
    void recognisedOnEveryVersion(String sql) {
        assertTrue(reason(sql, PG15).isPresent(), sql);
        assertTrue(reason(sql, PG11).isPresent(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE INDEX i ON t (a)",
        "CREATE INDEX concurrently_named ON t (a)",
        "CREATE INDEX \"concurrently\" ON t (a)",
        "DROP INDEX i",
        "REINDEX TABLE t",
        "REINDEX (CONCURRENTLY false) TABLE t",
        "REINDEX INDEX i",
        "CLUSTER t USING i",
        "CLUSTER VERBOSE t",
        "ANALYZE t",
        "CREATE TABLE vacuum_log (a int)",
        "ALTER DATABASE app SET work_mem = '1MB'",
        "ALTER TABLE m DETACH PARTITION m_2020",
        "ALTER TABLE m ATTACH PARTITION m_2021 FOR VALUES FROM (1) TO (2)",
        "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = false, enabled = false)",
        "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)",
        "DISCARD PLANS",
        "SAVEPOINT a",
        "ROLLBACK TO SAVEPOINT a",
        "ROLLBACK TO a",
        "RELEASE SAVEPOINT a",
        "SELECT 'VACUUM'",
        "-- VACUUM\nSELECT 1",
        "DO $$ BEGIN COMMIT; END $$",
        "INSERT INTO t VALUES ('CREATE INDEX CONCURRENTLY')",
        "ALTER TYPE mood ADD VALUE 'meh'",
        ""
    })
    void allowedInATransactionOnPostgres15(String sql) {
        assertEquals(Optional.empty(), reason(sql, PG15), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TYPE mood ADD VALUE 'meh'", "alter type public.mood add value if not exists 'meh' before 'ok'"})
    void enumValuesNeedNoTransactionBefore12(String sql) {
        assertTrue(reason(sql, PG11).orElseThrow().contains("PostgreSQL 12"));
        assertEquals(Optional.empty(), reason(sql, PG15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TYPE mood RENAME VALUE 'a' TO 'b'", "ALTER TYPE mood OWNER TO app"})
    void otherTypeChangesAreFineBefore12(String sql) {
        assertEquals(Optional.empty(), reason(sql, PG11));
    }

    @org.junit.jupiter.api.Test
    void reasonsNameTheStatement() {
        assertTrue(reason("create index concurrently i on t (a)", PG15).orElseThrow().contains("CREATE INDEX CONCURRENTLY"));
        assertTrue(reason("COMMIT", PG15).orElseThrow().contains("remove it"));
    }
}
