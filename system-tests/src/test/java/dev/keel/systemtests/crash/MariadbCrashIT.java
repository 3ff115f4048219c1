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
 * Issue 4, acceptance 3 on MariaDB (standing in for MySQL): DDL commits statement by statement, so every run is
 * protected by a filecopy snapshot of a throwaway server's data directory (server stopped, directory copied, server
 * started as it ran; restored by a directory swap); {@code keel migrate} is killed with SIGKILL in the copy, the
 * statements and the restore, and the next command finishes or undoes the work. About 28 MiB of rows
 * ({@code -Dkeel.crash.mariadbRows=N}, default 120,000) make the copy take a noticeable time
 * (the data directory is 120-190 MiB), while the statements of each of its ~26 runs stay short (the suite runs it in CI).
 */
class MariadbCrashIT {

    private static ThrowawayServer server;

    /** Kept after a failure: keel.yaml, .keel/ (journal, audit log, snapshots, the strategy's server.log). */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void startServer() {
        server = ThrowawayServer.mariadb();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void killedMigrateIsFinishedOrUndoneByTheNextCommand() throws Exception {
        CrashTests.run(new MariadbTarget(server, "crash"), dir);
    }

    @Test
    void aServerStillStartingWhenKeelIsKilledIsWaitedForNotStartedTwice() throws Exception {
        CrashTests.runSlowStart(new MariadbTarget(server, "slow_start"), dir);
    }

    private static final class MariadbTarget extends ServerTarget {
        private final int rows = Integer.getInteger("keel.crash.mariadbRows", 120_000);

        MariadbTarget(ThrowawayServer server, String database) {
            super(server, database);
        }

        @Override
        public String name() {
            return "mariadb";
        }

        @Override
        public DatabaseState.Kind kind() {
            return DatabaseState.Kind.MARIADB;
        }

        @Override
        public void loadData() {
            server.createDatabase(database);
            server.execute(database,
                    "CREATE TABLE big (id BIGINT PRIMARY KEY, grp INT NOT NULL, payload TEXT NOT NULL) ENGINE=InnoDB",
                    "INSERT INTO big (id, grp, payload) SELECT seq, seq % 97, REPEAT(MD5(seq), 6) FROM seq_1_to_" + rows);
        }

        @Override
        public String v1() {
            return """
                    -- Description: settings; applied before the crash tests, its snapshot must live through them all
                    CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(200) NOT NULL);
                    INSERT INTO settings (k, v) VALUES ('mode', 'initial'), ('owner', 'crash-test');
                    """;
        }

        @Override
        public String v2() {
            return """
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, big_id BIGINT NOT NULL, amount INT NOT NULL);
                    INSERT INTO orders (id, big_id, amount) SELECT id, id, grp FROM big WHERE id % 4 = 0;
                    SELECT SLEEP(0.3);
                    CREATE INDEX orders_big_ix ON orders (big_id);
                    CREATE INDEX big_grp_ix ON big (grp, id);
                    """;
        }

        @Override
        public String v3() {
            return """
                    UPDATE settings SET v = 'migrated' WHERE k = 'mode';
                    ALTER TABLE orders ADD COLUMN flagged INT NOT NULL DEFAULT 0;
                    SELECT SLEEP(0.3);
                    UPDATE orders SET flagged = 1 WHERE id % 3 = 0;
                    CREATE TABLE payload_copy (id BIGINT PRIMARY KEY, payload TEXT NOT NULL);
                    INSERT INTO payload_copy (id, payload) SELECT id, payload FROM big WHERE id % 5 = 0;
                    """;
        }

        @Override
        public String v4() {
            return """
                    CREATE TABLE audit (id BIGINT PRIMARY KEY, what VARCHAR(100) NOT NULL);
                    INSERT INTO audit (id, what) SELECT id, CONCAT('order ', id) FROM orders WHERE flagged = 1;
                    SELECT SLEEP(0.3);
                    CREATE INDEX payload_copy_ix ON payload_copy (payload(100));
                    CREATE VIEW flagged_orders AS SELECT o.id, o.amount, a.what FROM orders o JOIN audit a ON a.id = o.id;
                    """;
        }

        @Override
        public String v4Failing() {
            return """
                    CREATE TABLE audit (id BIGINT PRIMARY KEY, what VARCHAR(100) NOT NULL);
                    INSERT INTO audit (id, what) SELECT id, CONCAT('order ', id) FROM orders WHERE flagged = 1;
                    CREATE INDEX payload_copy_ix ON payload_copy (payload(100));
                    INSERT INTO audit (id, what) SELECT id, what FROM audit_missing;
                    CREATE VIEW flagged_orders AS SELECT o.id, o.amount, a.what FROM orders o JOIN audit a ON a.id = o.id;
                    """;
        }

        @Override
        public List<String> resetStatements() {
            return List.of("DROP VIEW IF EXISTS flagged_orders", "DROP TABLE IF EXISTS audit",
                    "DROP TABLE IF EXISTS payload_copy", "DROP TABLE IF EXISTS orders",
                    "DROP INDEX IF EXISTS big_grp_ix ON big",
                    "UPDATE settings SET v = 'initial' WHERE k = 'mode'",
                    "DELETE FROM keel_schema_history WHERE version <> '1'");
        }
    }
}
