package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.ServerInfo;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The MySQL-specific behaviour the contract does not cover, on the local MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MysqlDialectIT {

    private TestDatabase database;
    private JdbcProbe probe;

    @BeforeAll
    void setUp() {
        database = DatabaseProvisioning.mysql();
        probe = new JdbcProbe(database);
    }

    @AfterAll
    void tearDown() {
        probe.close();
        database.close();
    }

    @Test
    void detectsMariaDbWithItsRealVersion() {
        try (DatabaseSession session = probe.open()) {
            ServerInfo detected = probe.dialect().detect(session);
            String version = session.query("SELECT VERSION() AS v").get(0).text("v").orElseThrow();
            boolean mariaDb = version.contains("MariaDB");
            assertEquals(mariaDb ? "MariaDB" : "MySQL", detected.product());
            assertEquals(version, detected.version());
            assertEquals(Integer.parseInt(version.split("\\.")[0]), detected.major());
            assertEquals(Integer.parseInt(version.split("\\.")[1]), detected.minor());
            ServerInfo fromDriver = session.serverInfo();
            System.out.println("MysqlDialectIT: detect() = " + detected + " " + detected.major() + "." + detected.minor()
                    + "; session.serverInfo() = " + fromDriver + " " + fromDriver.major() + "." + fromDriver.minor());
        }
    }

    @Test
    void oneStatementPerExecuteEvenIfTheUrlAsksForMore() {
        String url = database.url() + (database.url().contains("?") ? "&" : "?") + "allowMultiQueries=true";
        try (ConnectionPool pool = ConnectionPool.forUrl(probe.dialect().driverUrl(url), database.user(),
                database.password(), probe.dialect().connectionProperties()); DatabaseSession session = pool.open()) {
            KeelException e = assertThrows(KeelException.class, () -> session.execute("SELECT 1; SELECT 2"));
            assertEquals(ErrorCode.DATABASE_ERROR, e.code());
        }
    }

    @Test
    void mariadbSchemeUrlsConnectThroughMysqlConnectorJ() {
        String url = database.url().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        assertTrue(new MysqlDialectProvider().accepts(url));
        try (ConnectionPool pool = ConnectionPool.forUrl(probe.dialect().driverUrl(url), database.user(),
                database.password(), probe.dialect().connectionProperties()); DatabaseSession session = pool.open()) {
            assertEquals(1L, session.query("SELECT 1 AS one").get(0).number("one").orElseThrow());
        }
    }

    @Test
    void aUrlWithoutADatabaseIsAConfigurationError() {
        String url = database.url().replaceFirst("/keel_t_[a-z0-9]+", "/");
        try (ConnectionPool pool = ConnectionPool.forUrl(probe.dialect().driverUrl(url), database.user(),
                database.password(), probe.dialect().connectionProperties()); DatabaseSession session = pool.open()) {
            KeelException history = assertThrows(KeelException.class,
                    () -> probe.dialect().history(session, "keel_schema_history"));
            assertEquals(ErrorCode.CONFIG_INVALID, history.code());
            assertTrue(history.problems().get(0).fix().contains("jdbc:mysql://"), history::getMessage);
            assertEquals(ErrorCode.CONFIG_INVALID,
                    assertThrows(KeelException.class, () -> probe.dialect().fingerprint(session, "keel_schema_history"))
                            .code());
        }
    }

    @Test
    void theLockIsNamedAfterTheDatabaseAndHeldBySession() throws Exception {
        String name = probe.query("SELECT DATABASE() AS db").get(0).text("db").orElseThrow();
        try (DatabaseSession a = probe.open(); DatabaseSession b = probe.open()) {
            DatabaseLock.Held held = probe.dialect().lock(a).acquire(Duration.ZERO);
            long holder = a.query("SELECT CONNECTION_ID() AS id").get(0).number("id").orElseThrow();
            assertEquals(holder, b.query("SELECT IS_USED_LOCK(?) AS id", "keel:" + name).get(0).number("id").orElseThrow(),
                    "the migrating session holds 'keel:<database>'");
            KeelException busy = assertThrows(KeelException.class, () -> probe.dialect().lock(b).acquire(Duration.ofMillis(300)));
            assertEquals(ErrorCode.LOCK_TIMEOUT, busy.code());
            assertTrue(busy.problems().get(0).fix().contains("IS_USED_LOCK"), busy::getMessage);
            // DDL commits implicitly but does not release a named lock.
            a.execute("CREATE TABLE lock_probe (id INT)");
            assertTrue(b.query("SELECT IS_FREE_LOCK(?) AS free", "keel:" + name).get(0).text("free").orElseThrow()
                    .matches("0|false"));
            held.close();
            held.close();
            probe.dialect().lock(b).acquire(Duration.ZERO).close();
        }
    }
}
