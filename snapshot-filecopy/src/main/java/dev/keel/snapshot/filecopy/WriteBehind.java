package dev.keel.snapshot.filecopy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Flushes files to the disk while a copy goes on. Without it the copy only fills the page cache (the kernel starts
 * writing back only once a tenth or so of the memory is dirty) and the whole flush comes after it; with it, the
 * disk writes what was copied a moment ago while the next part is read, so the final flush finds little left.
 * A flush asked for a file whose flush is still waiting is not queued twice.
 */
final class WriteBehind implements AutoCloseable {

    private final ExecutorService flushers;
    private final Set<Path> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    WriteBehind(int threads) {
        AtomicInteger number = new AtomicInteger();
        flushers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "keel-flush-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for what has been written to {@code file} so far to be flushed soon, by another thread. */
    void flushSoon(Path file) {
        if (!waiting.add(file)) {
            return;
        }
        flushers.execute(() -> {
            waiting.remove(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /**
     * Waits until every flush asked for is done.
     *
     * @throws IOException the first flush that failed
     */
    void awaitAll() throws IOException {
        flushers.shutdown();
        try {
            while (!flushers.awaitTermination(1, TimeUnit.SECONDS)) {
                // a slow disk: keep waiting, the caller needs the files on it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing the copy", e);
        }
        IOException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        flushers.shutdownNow();
    }
}
