package dev.keel.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.jdbc.ConnectionPool;
import dev.keel.jdbc.JdbcDatabaseSession;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteDialectTest {

    private static final ServerInfo SERVER = new ServerInfo("SQLite", "3.50.3", 3, 50);

    @TempDir
    Path dir;

    private SqliteDialect dialect(Path db) {
        return new SqliteDialect(SqliteDatabaseFile.fromUrl("jdbc:sqlite:" + db), Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "END", "end transaction", "BEGIN", "BEGIN IMMEDIATE", "ROLLBACK", "VACUUM"})
    void transactionControlCannotRunInsideKeelsTransaction(String sql) {
        assertTrue(dialect(dir.resolve("a.db")).transactionRestriction(new SqlStatement(sql, 0, 1, 1), SERVER).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLLBACK TO sp", "ROLLBACK TRANSACTION TO SAVEPOINT sp", "SAVEPOINT sp",
        "CREATE TABLE ending (id INTEGER)", "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END"})
    void ordinaryStatementsAreNotRestricted(String sql) {
        assertEquals(Optional.empty(),
                dialect(dir.resolve("a.db")).transactionRestriction(new SqlStatement(sql, 0, 1, 1), SERVER));
    }

    @Test
    void statementsReturningRowsDoNotBlockTheCommit() {
        Path db = dir.resolve("returning.db");
        try (ConnectionPool pool = ConnectionPool.forUrl("jdbc:sqlite:" + db, Optional.empty(), Optional.empty(),
                dialect(db).connectionProperties()); JdbcDatabaseSession session = pool.open()) {
            session.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            session.begin();
            session.execute("INSERT INTO t (name) VALUES ('a') RETURNING id");
            session.execute("UPDATE t SET name = 'b' RETURNING name");
            session.commit();
            assertEquals(1L, dialect(db).rowCount(session, "t"));
        }
    }

    @Test
    void aSecondAcquireOnTheSameThreadWaitsLikeAnyOther() throws Exception {
        Path db = dir.resolve("same-thread.db");
        Files.createFile(db);
        SqliteFileLock lock = new SqliteFileLock(SqliteDatabaseFile.fromUrl("jdbc:sqlite:" + db));
        try (DatabaseLock.Held first = lock.acquire(Duration.ofSeconds(1))) {
            KeelException busy = assertThrows(KeelException.class, () -> lock.acquire(Duration.ofMillis(200)));
            assertEquals(ErrorCode.LOCK_TIMEOUT, busy.code());
            assertTrue(busy.getMessage().contains("200 ms"), busy.getMessage());
        }
        lock.acquire(Duration.ZERO).close();
    }

    @Test
    void uriFileNamesArePercentDecoded() {
        assertEquals(Optional.of(Path.of("/tmp/my app.db")),
                SqliteDatabaseFile.fromUrl("jdbc:sqlite:file:/tmp/my%20app.db?mode=rwc").path());
        assertEquals(Optional.empty(), SqliteDatabaseFile.fromUrl("jdbc:sqlite::memory:").path());
    }
}
