package dev.keel.bootstrap.protect;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code .keel/run.lock}: an OS lock held by the one local process that is taking, protecting with or restoring a
 * snapshot, or recovering from a crash. The database's own migration lock cannot do this job: stopping a server
 * ends the session that holds it. The OS releases this lock when the process dies, so a held lock means live work
 * and a free one with a journal present means a crash.
 */
public final class WorkspaceLock {

    private final Path file;

    public WorkspaceLock(Path workDirectory) {
        this.file = workDirectory.resolve("run.lock");
    }

    /** The lock, if no other process holds it right now. */
    public Optional<Held> tryAcquire() {
        FileChannel channel = open();
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new Held(channel, lock));
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        }
    }

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws KeelException {@code LOCK_TIMEOUT} when another local Keel process keeps it
     */
    public Held acquire(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Held> held = tryAcquire();
            if (held.isPresent()) {
                return held.get();
            }
            if (System.nanoTime() >= deadline) {
                throw KeelException.of(ErrorCode.LOCK_TIMEOUT,
                        "Another Keel process on this machine is working with snapshots (it holds " + file + ") and did"
                                + " not finish within " + timeout.toSeconds() + " s.",
                        "Wait for it to finish, or raise 'lockTimeout'.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KeelException.of(ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for " + file + ".",
                        "Run the command again.");
            }
        }
    }

    private FileChannel open() {
        try {
            PrivateFiles.createDirectory(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            PrivateFiles.restrict(file);
            return channel;
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot create " + file + ": " + e.getMessage(),
                    "Make the folder writable, or set 'workDirectory' in keel.yaml to a writable folder.");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked
        }
    }

    /** The held lock; closing releases it. */
    public static final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
        }
    }
}
