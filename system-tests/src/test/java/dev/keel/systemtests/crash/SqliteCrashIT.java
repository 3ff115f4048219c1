package dev.keel.systemtests.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 3 on SQLite: {@code keel migrate} with {@code snapshot.always: true} (the filecopy strategy
 * copies the file through the online backup API) killed with SIGKILL in the copy, the statements and the restore;
 * the next command finishes or undoes the work. A file of about 100 MiB makes the copy and the restore take a
 * noticeable time ({@code -Dkeel.crash.sqliteRows=N}, default 450,000 rows of ~210 bytes).
 */
class SqliteCrashIT {

    /** Kept after a failure: keel.yaml, .keel/ (journal, audit log, snapshots, the strategy's server.log). */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void killedMigrateIsFinishedOrUndoneByTheNextCommand() throws Exception {
        CrashTests.run(new SqliteTarget(dir.resolve("app.db")), dir);
    }

    private static final class SqliteTarget implements CrashTarget {
        private final Path file;
        private final int rows = Integer.getInteger("keel.crash.sqliteRows", 450_000);

        SqliteTarget(Path file) {
            this.file = file;
        }

        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public String url() {
            return "jdbc:sqlite:" + file;
        }

        @Override
        public DatabaseState.Kind kind() {
            return DatabaseState.Kind.SQLITE;
        }

        @Override
        public List<String> snapshotSection() {
            return List.of("strategy: filecopy", "always: true", "keep: 10");
        }

        @Override
        public void loadData() {
            try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, payload TEXT NOT NULL)");
                s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < " + rows + ")"
                        + " INSERT INTO big (id, grp, payload) SELECT x, x % 97, hex(randomblob(100)) FROM n");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
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
                    CREATE TABLE orders (id INTEGER PRIMARY KEY, big_id INTEGER NOT NULL, amount INTEGER NOT NULL);
                    INSERT INTO orders (id, big_id, amount) SELECT id, id, grp FROM big WHERE id % 4 = 0;
                    CREATE INDEX orders_big_ix ON orders (big_id);
                    CREATE INDEX big_grp_ix ON big (grp, id);
                    """;
        }

        @Override
        public String v3() {
            return """
                    UPDATE settings SET v = 'migrated' WHERE k = 'mode';
                    ALTER TABLE orders ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
                    UPDATE orders SET flagged = 1 WHERE id % 3 = 0;
                    CREATE TABLE payload_copy (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
                    INSERT INTO payload_copy (id, payload) SELECT id, payload FROM big WHERE id % 5 = 0;
                    """;
        }

        @Override
        public String v4() {
            return """
                    CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(100) NOT NULL);
                    INSERT INTO audit (id, what) SELECT id, 'order ' || id FROM orders WHERE flagged = 1;
                    CREATE INDEX payload_copy_ix ON payload_copy (payload);
                    CREATE VIEW flagged_orders AS SELECT o.id, o.amount, a.what FROM orders o JOIN audit a ON a.id = o.id;
                    """;
        }

        @Override
        public String v4Failing() {
            return """
                    CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(100) NOT NULL);
                    INSERT INTO audit (id, what) SELECT id, 'order ' || id FROM orders WHERE flagged = 1;
                    CREATE INDEX payload_copy_ix ON payload_copy (payload);
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

        @Override
        public void assertServerRunning() {
            // no server
        }

        @Override
        public long databaseBytes() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String diagnostics() {
            try (var files = Files.list(file.getParent())) {
                return "files beside the database: " + files.map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                return "(cannot list " + file.getParent() + ": " + e.getMessage() + ")";
            }
        }

        @Override
        public String describe() {
            return "SQLite file " + file + " (" + rows + " rows in table big)";
        }
    }
}
