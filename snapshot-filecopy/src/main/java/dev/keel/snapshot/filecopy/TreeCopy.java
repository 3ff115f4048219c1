package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a directory tree like {@code cp -a}: owner, group, mode and timestamps kept (numeric ids, so a user without
 * a name here keeps its files), symbolic links copied as links, sockets and other special files left out. Files are
 * copied by several threads at once, biggest first, with {@link FileChannel#transferTo} so the kernel moves the
 * bytes, and flushed behind the copy ({@link WriteBehind}): each file as it is done, a big one every
 * {@value #CHUNK_MIB} MiB, so the disk writes while the copy reads. The caller still flushes the whole tree
 * ({@link SnapshotFiles#fsyncTree}, folders included) before it publishes it; that finds little left to write.
 */
final class TreeCopy {

    private static final int CHUNK_MIB = 64;
    private static final long CHUNK = CHUNK_MIB * 1024L * 1024;
    private static final int FLUSH_THREADS = 2;
    private static final long REPORT_EVERY_NANOS = 100_000_000L;
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final int threads;
    private final SnapshotProgress progress;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong();
    private long total;

    TreeCopy(int threads, SnapshotProgress progress) {
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Copies {@code source} to {@code target}, which must not exist yet; reports {@link SnapshotPhase#COPYING} with
     * bytes done out of {@code expectedBytes}.
     *
     * @return the bytes copied
     */
    long copy(Path source, Path target, long expectedBytes) throws IOException {
        total = expectedBytes;
        done.set(0);
        List<Path[]> directories = new ArrayList<>();
        List<FileToCopy> files = new ArrayList<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectory(copy, PosixFilePermissions.asFileAttribute(SnapshotFiles.PRIVATE_DIRECTORY));
                directories.add(new Path[] {dir, copy});
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (attrs.isRegularFile()) {
                    files.add(new FileToCopy(file, copy, attrs.size()));
                } else if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(copy, Files.readSymbolicLink(file));
                    copyAttributes(file, copy, true);
                }
                // Sockets, FIFOs and devices are made by a running server and mean nothing to a stopped one.
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                throw failure;
            }
        });
        files.sort(Comparator.comparingLong(FileToCopy::size).reversed());
        try (WriteBehind writeBehind = new WriteBehind(FLUSH_THREADS)) {
            copyFiles(files, writeBehind);
            writeBehind.awaitAll();
        }
        // Deepest first: setting a folder's times and narrowing its mode must come after its entries are written.
        for (int i = directories.size() - 1; i >= 0; i--) {
            Path[] pair = directories.get(i);
            copyAttributes(pair[0], pair[1], false);
        }
        // Complete: the estimate made while the server ran may differ (it removes temporary files when it stops).
        progress.update(SnapshotPhase.COPYING, done.get(), done.get());
        return done.get();
    }

    private void copyFiles(List<FileToCopy> files, WriteBehind writeBehind) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), task -> {
            Thread thread = new Thread(task, "keel-filecopy-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (FileToCopy file : files) {
                futures.add(pool.submit(() -> {
                    try {
                        copyFile(file, writeBehind);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while copying", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void copyFile(FileToCopy file, WriteBehind writeBehind) throws IOException {
        try (FileChannel in = FileChannel.open(file.source(), StandardOpenOption.READ);
                FileChannel out = FileChannel.open(file.target(),
                        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(SnapshotFiles.PRIVATE_FILE))) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long n = in.transferTo(position, Math.min(CHUNK, size - position), out);
                if (n <= 0) {
                    break; // the file shrank (it should not: the server is stopped)
                }
                position += n;
                advance(n);
                writeBehind.flushSoon(file.target());
            }
        }
        copyAttributes(file.source(), file.target(), false);
        writeBehind.flushSoon(file.target());
    }

    private void advance(long bytes) {
        long now = done.addAndGet(bytes);
        long time = System.nanoTime();
        long last = lastReport.get();
        if (time - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, time)) {
            synchronized (progress) {
                progress.update(SnapshotPhase.COPYING, now, Math.max(total, now));
            }
        }
    }

    /** Owner, group, mode (not for links: Linux has none of their own) and access and modification times. */
    static void copyAttributes(Path source, Path target, boolean link) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(source, "unix:uid,gid,mode,lastModifiedTime,lastAccessTime",
                NO_FOLLOW);
        Map<String, Object> current = Files.readAttributes(target, "unix:uid,gid", NO_FOLLOW);
        if (!attrs.get("uid").equals(current.get("uid"))) {
            Files.setAttribute(target, "unix:uid", attrs.get("uid"), NO_FOLLOW);
        }
        if (!attrs.get("gid").equals(current.get("gid"))) {
            Files.setAttribute(target, "unix:gid", attrs.get("gid"), NO_FOLLOW);
        }
        if (!link) {
            Files.setAttribute(target, "unix:mode", attrs.get("mode"));
        }
        try {
            Files.getFileAttributeView(target, BasicFileAttributeView.class, NO_FOLLOW).setTimes(
                    (FileTime) attrs.get("lastModifiedTime"), (FileTime) attrs.get("lastAccessTime"), null);
        } catch (IOException | UnsupportedOperationException e) {
            if (!link) {
                throw e;
            }
            // a link's own times are kept where the system can (lutimes); nothing reads them
        }
    }

    private record FileToCopy(Path source, Path target, long size) {
    }
}
