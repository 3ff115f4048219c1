package dev.keel.dialect.postgres;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import dev.keel.spi.session.DatabaseSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PostgreSQL migration lock: a session-level advisory lock on the session's connection, so it stays held
 * across the transactions and the non-transactional statements of a run, and the server releases it when the
 * connection ends (a killed Keel never leaves it behind).
 *
 * <p>Waiting never sits inside a statement: Keel retries {@code pg_try_advisory_lock} (each try an instant
 * autocommit statement) with a backoff growing from 50 ms to 500 ms. A session blocked in
 * {@code pg_advisory_lock} would hold a snapshot for as long as it waits, and {@code CREATE INDEX CONCURRENTLY}
 * run by the lock holder waits for every older snapshot to go away: holder and waiter would deadlock.
 *
 * <p>The key is {@link #keyFor(String)}: the first 8 bytes (big-endian, signed) of SHA-256 over the UTF-8 bytes
 * of {@code "keel:" + current_database()}. In {@code pg_locks} it shows as {@code locktype = 'advisory'},
 * {@code classid} = the high 32 bits, {@code objid} = the low 32 bits, {@code objsubid = 1}.
 */
final class PostgresAdvisoryLock implements DatabaseLock {

    private static final long FIRST_PAUSE_MS = 50;
    private static final long LONGEST_PAUSE_MS = 500;

    private final DatabaseSession session;

    PostgresAdvisoryLock(DatabaseSession session) {
        this.session = session;
    }

    @Override
    public Held acquire(Duration timeout) {
        if (session.inTransaction()) {
            throw new IllegalStateException("the PostgreSQL migration lock is taken outside a transaction, so that"
                    + " waiting for it holds no snapshot");
        }
        String database = session.query("SELECT current_database() AS name").get(0).text("name").orElse("");
        long key = keyFor(database);
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        long pause = FIRST_PAUSE_MS;
        while (true) {
            if (tryLock(key)) {
                AtomicBoolean held = new AtomicBoolean(true);
                // Advisory locks count re-entries per session: release this hold once, however often it is closed.
                return () -> {
                    if (held.getAndSet(false)) {
                        release(key);
                    }
                };
            }
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                throw timedOut(database, key, timeout);
            }
            try {
                Thread.sleep(Math.min(pause, remainingMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw timedOut(database, key, timeout);
            }
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
        }
    }

    private boolean tryLock(long key) {
        return session.query("SELECT pg_try_advisory_lock(?) AS locked", key).get(0).text("locked")
                .map(v -> v.equals("true") || v.equals("t")).orElse(false);
    }

    /** Releases the lock; never throws (the server releases it anyway when the connection closes). */
    private void release(long key) {
        try {
            session.query("SELECT pg_advisory_unlock(?) AS released", key);
        } catch (RuntimeException first) {
            if (!session.inTransaction()) {
                return;
            }
            // An aborted transaction refuses every query; leave it, then unlock, so that a pooled
            // connection does not keep the lock.
            try {
                session.rollback();
                session.query("SELECT pg_advisory_unlock(?) AS released", key);
            } catch (RuntimeException ignored) {
                // the connection is broken: the server drops the lock with it
            }
        }
    }

    /** The advisory lock key of a database: see the class comment. */
    static long keyFor(String database) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("keel:" + database).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static KeelException timedOut(String database, long key, Duration timeout) {
        return KeelException.of(ErrorCode.LOCK_TIMEOUT,
                "Another Keel run holds the migration lock on PostgreSQL database '" + database
                        + "' (advisory lock " + key + "); gave up after " + seconds(timeout) + ".",
                "Wait for the other run to finish and retry, or raise 'lockTimeout' (e.g. --lock-timeout 5m). The holder"
                        + " is: SELECT pid, application_name FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE"
                        + " locktype = 'advisory' AND classid = " + (key >>> 32) + " AND objid = " + (key & 0xFFFFFFFFL)
                        + ";");
    }

    private static String seconds(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
