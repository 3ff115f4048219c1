package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.jdbc.JdbcDatabaseSession;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.ServerInfo;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.time.Duration;
import java.util.stream.Collectors;
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

    @Test
    void keptUpdatesBindEachCallsOwnValuesAndSurviveAFailure() {
        try (JdbcDatabaseSession session = (JdbcDatabaseSession) probe.open()) {
            session.execute("CREATE TABLE kept_probe (id INT PRIMARY KEY, note VARCHAR(20))");
            String insert = "INSERT INTO kept_probe (id, note) VALUES (?, ?)";
            for (int i = 1; i <= 7; i++) {
                assertEquals(1, session.updateKept(insert, i, i % 2 == 0 ? null : "n" + i));
            }
            assertEquals(1, session.updateKept("UPDATE kept_probe SET note = ? WHERE id = ?", "x", 2));
            KeelException duplicate = assertThrows(KeelException.class, () -> session.updateKept(insert, 1, "again"));
            assertEquals(ErrorCode.DATABASE_ERROR, duplicate.code());
            assertEquals(1, session.updateKept(insert, 8, "after"), "the kept statement is still usable");
            assertEquals("1 n1,2 x,3 n3,4 null,5 n5,6 null,7 n7,8 after", session
                    .query("SELECT id, note FROM kept_probe ORDER BY id").stream()
                    .map(r -> r.number("id").orElseThrow() + " " + r.text("note").orElse("null"))
                    .collect(Collectors.joining(",")));
        }
    }

    @Test
    void transactionsEndInAutocommitWithTheDriversLocalSessionState() {
        assertTrue(probe.dialect().driverUrl(database.url()).contains("useLocalSessionState=true"));
        try (DatabaseSession session = probe.open()) {
            session.execute("CREATE TABLE tx_probe (id INT PRIMARY KEY) ENGINE=InnoDB");
            session.begin();
            session.update("INSERT INTO tx_probe (id) VALUES (?)", 1);
            session.rollback();
            assertEquals(1L, session.query("SELECT @@autocommit AS a").get(0).number("a").orElseThrow());
            session.begin();
            session.update("INSERT INTO tx_probe (id) VALUES (?)", 2);
            session.commit();
            assertEquals(1L, session.query("SELECT @@autocommit AS a").get(0).number("a").orElseThrow());
            session.update("INSERT INTO tx_probe (id) VALUES (?)", 3);
        }
        assertEquals("2,3", probe.query("SELECT id FROM tx_probe ORDER BY id").stream()
                .map(r -> String.valueOf(r.number("id").orElseThrow())).collect(Collectors.joining(",")),
                "the rolled-back row is gone, the committed and the autocommitted ones stay");
    }
}
