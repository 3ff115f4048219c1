package dev.keel.dialect.mysql;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.session.Row;
import dev.keel.spi.migration.Checksum;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The migration lock of SPEC §12 on MySQL and MariaDB: a named user lock, {@code GET_LOCK('keel:<database>', s)},
 * held by the session that runs the migrations (so a session that dies releases it with its connection). The
 * name is at most 64 characters (MySQL's limit): a longer database name is shortened and given a hash suffix.
 * The timeout is rounded up to whole seconds; {@code Duration.ZERO} tries once without waiting.
 */
final class MysqlNamedLock implements DatabaseLock {

    /** MySQL refuses longer lock names (ER_USER_LOCK_WRONG_NAME). */
    static final int MAX_NAME = 64;

    private final DatabaseSession session;

    MysqlNamedLock(DatabaseSession session) {
        this.session = session;
    }

    @Override
    public Held acquire(Duration timeout) {
        String database = currentDatabase(session).orElse("(no database)");
        String name = lockName(database);
        long seconds = seconds(timeout);
        List<Row> rows = session.query("SELECT GET_LOCK(?, ?) AS acquired", name, seconds);
        Optional<Long> result = rows.isEmpty() ? Optional.empty() : rows.get(0).number("acquired");
        if (result.isEmpty()) {
            throw KeelException.of(ErrorCode.DATABASE_ERROR,
                    "GET_LOCK('" + name + "') returned NULL on " + session.displayUrl()
                            + " (the server reported an error while waiting, e.g. the session was killed).",
                    "Check the server's error log and retry; another session may have been killed while waiting.");
        }
        if (result.get() != 1L) {
            throw KeelException.of(ErrorCode.LOCK_TIMEOUT,
                    "Another Keel run holds the migration lock '" + name + "' on " + session.displayUrl()
                            + "; gave up after " + seconds + " s.",
                    "Wait for the other run to finish and retry, or raise 'lockTimeout' (e.g. --lock-timeout 5m)."
                            + " To see who holds it: SELECT IS_USED_LOCK('" + name + "');");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                try {
                    session.query("SELECT RELEASE_LOCK(?) AS released", name);
                } catch (KeelException ignored) {
                    // The connection is gone: the server released the lock with it.
                }
            }
        };
    }

    /** {@code keel:} and the database name, shortened with a hash suffix to fit {@value #MAX_NAME} characters. */
    static String lockName(String database) {
        String name = "keel:" + database;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = Checksum.of(database).hex().substring(0, 12);
        return name.substring(0, MAX_NAME - hash.length() - 1) + "~" + hash;
    }

    /** Whole seconds, rounded up; never negative. */
    static long seconds(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return 0;
        }
        long s = timeout.getSeconds();
        return timeout.getNano() > 0 ? s + 1 : s;
    }

    /** The session's current database ({@code DATABASE()}), empty when none is selected. */
    static Optional<String> currentDatabase(DatabaseSession session) {
        List<Row> rows = session.query("SELECT DATABASE() AS db");
        return rows.isEmpty() ? Optional.empty() : rows.get(0).text("db");
    }
}
