package dev.keel.dialect.sqlite;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Semaphore;

/**
 * The SQLite migration lock: an OS lock on {@code <database>.keel-lock} (released by the OS if the process
 * dies), taken after a permit shared by the threads of this JVM (OS file locks are per process). The lock
 * file is a separate file because POSIX locks on the database file itself would be dropped by SQLite's own
 * closes. An in-memory database needs only the JVM lock.
 */
final class SqliteFileLock implements DatabaseLock {

    /** Not reentrant on purpose: a second acquire on the same thread must wait like any other. */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Path MEMORY = Path.of(":memory:");

    private final SqliteDatabaseFile file;

    SqliteFileLock(SqliteDatabaseFile file) {
        this.file = file;
    }

    @Override
    public Held acquire(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path key = file.path().map(SqliteFileLock::canonical).orElse(MEMORY);
        Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
        try {
            if (!local.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(key, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(key, timeout);
        }
        if (file.path().isEmpty()) {
            return once(local::release);
        }
        Path lockFile = key.resolveSibling(key.getFileName() + ".keel-lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = lockWithin(channel, deadline, key, timeout);
            return once(() -> {
                try {
                    held.release();
                    channel.close();
                } catch (IOException ignored) {
                    // The OS releases the lock when the channel or the process goes away.
                } finally {
                    local.release();
                }
            });
        } catch (IOException e) {
            local.release();
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE,
                    "Cannot create the lock file " + lockFile + ": " + e.getMessage(),
                    "Make the folder of the database file writable for the user running Keel.");
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    /** A handle whose release runs only on the first close, so closing twice is harmless. */
    private static Held once(Runnable release) {
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                release.run();
            }
        };
    }

    /** Blocks in {@link FileChannel#lock()} on a worker, so waiting needs no polling; closing the channel ends the wait. */
    private static FileLock lockWithin(FileChannel channel, long deadline, Path key, Duration timeout) throws IOException {
        FileLock immediate = channel.tryLock();
        if (immediate != null) {
            return immediate;
        }
        if (deadline - System.nanoTime() <= 0) {
            channel.close();
            throw timedOut(key, timeout);
        }
        var worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keel-sqlite-lock");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<FileLock> pending = worker.submit((java.util.concurrent.Callable<FileLock>) channel::lock);
            long remaining = deadline - System.nanoTime();
            return pending.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            channel.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw timedOut(key, timeout);
        } catch (ExecutionException e) {
            channel.close();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            worker.shutdownNow();
        }
    }

    /** The real path when the file exists, so two names for one database (links) share one lock. */
    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static KeelException timedOut(Path database, Duration timeout) {
        String waited = timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
        return KeelException.of(ErrorCode.LOCK_TIMEOUT,
                "Another Keel run holds the migration lock on " + database + "; gave up after " + waited + ".",
                "Wait for the other run to finish and retry, or raise 'lockTimeout' (e.g. --lock-timeout 5m).");
    }
}
