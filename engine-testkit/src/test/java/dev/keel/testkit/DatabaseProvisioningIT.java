package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning against the real servers of this machine (shared/TESTING.md). */
class DatabaseProvisioningIT {

    @Test
    void postgresDatabaseIsNewUsableAndDroppedOnClose() throws SQLException {
        TestDatabase db = DatabaseProvisioning.postgres();
        String name = nameOf(db.url());
        assertTrue(name.matches("keel_t_[a-z0-9]{12}"), db.url());
        assertTrue(db.url().startsWith("jdbc:postgresql://127.0.0.1:5432/" + name), db.url());
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            assertEquals(name, single(s, "SELECT current_database()"));
            s.execute("CREATE TABLE t (id INT)");
            assertEquals("UTF8", single(s, "SHOW server_encoding"));
        }
        try (TestDatabase other = DatabaseProvisioning.postgres()) {
            assertNotEquals(db.url(), other.url());
        }
        try (Connection held = connect(db)) {
            assertTrue(held.isValid(1));
            db.close(); // WITH (FORCE): an open connection does not stop the drop
        }
        assertDoesNotThrow(db::close, "a second close does nothing");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            assertEquals("0", single(s, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
        }
    }

    @Test
    void mysqlDatabaseIsNewUsableAndDroppedOnClose() throws SQLException {
        TestDatabase db = DatabaseProvisioning.mysql();
        String name = nameOf(db.url());
        assertTrue(db.url().startsWith("jdbc:mysql://127.0.0.1:3306/" + name + "?"), db.url());
        assertTrue(db.url().contains("allowMultiQueries=false"), db.url());
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            assertEquals(name, single(s, "SELECT DATABASE()"));
            assertEquals("utf8mb4", single(s, "SELECT @@character_set_database"));
            s.execute("CREATE TABLE t (id INT)");
        }
        db.close();
        assertDoesNotThrow(db::close, "a second close does nothing");
        try (Connection admin = connect(db.url().replace("/" + name + "?", "/?"), db);
                Statement s = admin.createStatement()) {
            assertEquals("0", single(s, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + name + "'"));
        }
    }

    @Test
    void sqliteFileIsDeletedOnClose(@TempDir Path dir) throws SQLException {
        TestDatabase db = DatabaseProvisioning.sqlite(dir);
        Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
        assertEquals(dir.toAbsolutePath(), file.getParent());
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT)");
        }
        assertTrue(Files.exists(file));
        db.close();
        assertFalse(Files.exists(file));
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return connect(db.url(), db);
    }

    private static Connection connect(String url, TestDatabase db) throws SQLException {
        Properties p = new Properties();
        db.user().ifPresent(u -> p.setProperty("user", u));
        db.password().ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(url, p);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static String nameOf(String url) {
        String path = url.substring(url.indexOf('/', url.indexOf("//") + 2) + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
