package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.dialect.Capabilities;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts of the dialect that need no database: capabilities, URLs, names, version strings. */
class MysqlDialectTest {

    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void ddlIsNotTransactionalAndTheLockIsNamed() {
        assertEquals(new Capabilities(false, Capabilities.LockKind.NAMED), dialect.capabilities());
        assertEquals("mysql", dialect.id());
        assertEquals(Optional.empty(), dialect.transactionRestriction(new SqlStatement("ALTER TABLE t ADD c INT", 0, 1, 1),
                new ServerInfo("MariaDB", "10.11.6", 10, 11)));
    }

    @Test
    void mariadbUrlsAreHandedToTheDriverAsMysqlWithDefaultsAdded() {
        assertEquals("jdbc:mysql://h:3306/app?allowPublicKeyRetrieval=true&connectTimeout=10000&useLocalSessionState=true",
                dialect.driverUrl("jdbc:mariadb://h:3306/app"));
        assertEquals("jdbc:mysql://h/app?user=root&allowPublicKeyRetrieval=true&connectTimeout=10000&useLocalSessionState=true",
                dialect.driverUrl("jdbc:mysql://h/app?user=root"));
        assertEquals("jdbc:mysql://h/app?connectTimeout=500&allowPublicKeyRetrieval=false&useLocalSessionState=false",
                dialect.driverUrl("jdbc:mysql://h/app?connectTimeout=500&allowPublicKeyRetrieval=false&useLocalSessionState=false"),
                "the URL's own settings are kept");
    }

    @Test
    void multiStatementsAndLocalFilesAreForcedOff() {
        assertEquals("false", dialect.connectionProperties().get("allowMultiQueries"));
        assertEquals("false", dialect.connectionProperties().get("allowLoadLocalInfile"));
    }

    @Test
    void serverVersionStrings() {
        assertEquals(new ServerInfo("MariaDB", "10.11.6-MariaDB-0+deb12u1", 10, 11),
                MysqlServerVersion.parse("10.11.6-MariaDB-0+deb12u1"));
        assertEquals(new ServerInfo("MariaDB", "10.11.19-MariaDB-0+deb12u1", 10, 11),
                MysqlServerVersion.parse("5.5.5-10.11.19-MariaDB-0+deb12u1"), "the handshake prefix is skipped");
        assertEquals(new ServerInfo("MariaDB", "11.4.2-MariaDB", 11, 4), MysqlServerVersion.parse("11.4.2-MariaDB"));
        assertEquals(new ServerInfo("MySQL", "8.0.36", 8, 0), MysqlServerVersion.parse("8.0.36"));
        assertEquals(new ServerInfo("MySQL", "8.4.2-log", 8, 4), MysqlServerVersion.parse(" 8.4.2-log "));
        assertEquals(new ServerInfo("MySQL", "5.7.44-0ubuntu0.18.04.1", 5, 7), MysqlServerVersion.parse("5.7.44-0ubuntu0.18.04.1"));
    }

    @Test
    void lockNamesFitSixtyFourCharacters() {
        assertEquals("keel:app", MysqlNamedLock.lockName("app"));
        String longName = "d".repeat(64);
        String name = MysqlNamedLock.lockName(longName);
        assertEquals(MysqlNamedLock.MAX_NAME, name.length());
        assertTrue(name.startsWith("keel:ddd"));
        assertFalse(name.equals(MysqlNamedLock.lockName("d".repeat(63) + "e")), "distinct long names stay distinct");
    }

    @Test
    void lockTimeoutsRoundUpToSeconds() {
        assertEquals(0, MysqlNamedLock.seconds(Duration.ZERO));
        assertEquals(1, MysqlNamedLock.seconds(Duration.ofMillis(1)));
        assertEquals(1, MysqlNamedLock.seconds(Duration.ofMillis(1000)));
        assertEquals(2, MysqlNamedLock.seconds(Duration.ofMillis(1001)));
        assertEquals(60, MysqlNamedLock.seconds(Duration.ofMinutes(1)));
        assertEquals(0, MysqlNamedLock.seconds(Duration.ofSeconds(-1)));
    }

    @Test
    void identifiersAreQuotedWithBackticks() {
        assertEquals("`orders`", MysqlDialect.quote("orders"));
        assertEquals("`shop`.`orders`", MysqlDialect.quote("shop.orders"));
        assertEquals("`we``ird`", MysqlDialect.quote("we`ird"));
    }
}
