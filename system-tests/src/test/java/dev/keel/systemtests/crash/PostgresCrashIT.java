package dev.keel.systemtests.crash;

import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 3 on PostgreSQL: {@code -- keel:transaction none} migrations (indexes built concurrently) are
 * protected by a filecopy snapshot of a throwaway server's data directory (server stopped, directory copied, server
 * started as it ran; restored by a directory swap); {@code keel migrate} is killed with SIGKILL in the copy, the
 * statements and the restore, and the next command finishes or undoes the work. About 28 MiB of rows
 * ({@code -Dkeel.crash.postgresRows=N}, default 120,000) make the copy take a noticeable time
 * (the data directory is 120-190 MiB), while the statements of each of its ~26 runs stay short (the suite runs it in CI).
 */
class PostgresCrashIT {

    private static ThrowawayServer server;

    /** Kept after a failure: keel.yaml, .keel/ (journal, audit log, snapshots, the strategy's server.log). */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void startServer() {
        server = ThrowawayServer.postgres();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killedMigrateIsFinishedOrUndoneByTheNextCommand() throws Exception {
        CrashTests.run(new PostgresTarget(server, "crash"), dir);
    }

    @Test
    void aServerStillStartingWhenKeelIsKilledIsWaitedForNotStartedTwice() throws Exception {
        CrashTests.runSlowStart(new PostgresTarget(server, "slow_start"), dir);
    }

    private static final class PostgresTarget extends ServerTarget {
        private final int rows = Integer.getInteger("keel.crash.postgresRows", 120_000);

        PostgresTarget(ThrowawayServer server, String database) {
            super(server, database);
        }

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public DatabaseState.Kind kind() {
            return DatabaseState.Kind.POSTGRES;
        }

        @Override
        public void loadData() {
            server.createDatabase(database);
            server.execute(database,
                    "CREATE TABLE big (id BIGINT PRIMARY KEY, grp INTEGER NOT NULL, payload TEXT NOT NULL)",
                    "INSERT INTO big (id, grp, payload) SELECT g, g % 97, repeat(md5(g::text), 6)"
                            + " FROM generate_series(1, " + rows + ") g",
                    "CHECKPOINT");
        }

        @Override
        public String v1() {
            return """
                    -- keel:transaction none
                    -- Description: settings; applied before the crash tests, its snapshot must live through them all
                    CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(200) NOT NULL);
                    INSERT INTO settings (k, v) VALUES ('mode', 'initial'), ('owner', 'crash-test');
                    """;
        }

        @Override
        public String v2() {
            return """
                    -- keel:transaction none
                    -- Indexes built concurrently: outside a transaction, so a snapshot protects the run.
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, big_id BIGINT NOT NULL, amount INTEGER NOT NULL);
                    INSERT INTO orders (id, big_id, amount) SELECT id, id, grp FROM big WHERE id % 4 = 0;
                    SELECT pg_sleep(0.3);
                    CREATE INDEX CONCURRENTLY orders_big_ix ON orders (big_id);
                    CREATE INDEX CONCURRENTLY big_grp_ix ON big (grp, id);
                    """;
        }

        @Override
        public String v3() {
            return """
                    -- keel:transaction none
                    UPDATE settings SET v = 'migrated' WHERE k = 'mode';
                    ALTER TABLE orders ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
                    SELECT pg_sleep(0.3);
                    UPDATE orders SET flagged = 1 WHERE id % 3 = 0;
                    CREATE TABLE payload_copy (id BIGINT PRIMARY KEY, payload TEXT NOT NULL);
                    INSERT INTO payload_copy (id, payload) SELECT id, payload FROM big WHERE id % 5 = 0;
                    """;
        }

        @Override
        public String v4() {
            return """
                    -- keel:transaction none
                    CREATE TABLE audit (id BIGINT PRIMARY KEY, what VARCHAR(100) NOT NULL);
                    INSERT INTO audit (id, what) SELECT id, 'order ' || id FROM orders WHERE flagged = 1;
                    SELECT pg_sleep(0.3);
                    CREATE INDEX CONCURRENTLY payload_copy_ix ON payload_copy (payload);
                    CREATE VIEW flagged_orders AS SELECT o.id, o.amount, a.what FROM orders o JOIN audit a ON a.id = o.id;
                    """;
        }

        @Override
        public String v4Failing() {
            return """
                    -- keel:transaction none
                    CREATE TABLE audit (id BIGINT PRIMARY KEY, what VARCHAR(100) NOT NULL);
                    INSERT INTO audit (id, what) SELECT id, 'order ' || id FROM orders WHERE flagged = 1;
                    CREATE INDEX CONCURRENTLY payload_copy_ix ON payload_copy (payload);
                    INSERT INTO audit (id, what) SELECT id, what FROM audit_missing;
                    CREATE VIEW flagged_orders AS SELECT o.id, o.amount, a.what FROM orders o JOIN audit a ON a.id = o.id;
                    """;
        }

        @Override
        public List<String> resetStatements() {
            return List.of("DROP VIEW IF EXISTS flagged_orders", "DROP TABLE IF EXISTS audit",
                    "DROP TABLE IF EXISTS payload_copy", "DROP TABLE IF EXISTS orders", "DROP INDEX IF EXISTS big_grp_ix",
                    "UPDATE settings SET v = 'initial' WHERE k = 'mode'",
                    "DELETE FROM keel_schema_history WHERE version <> '1'");
        }
    }
}
