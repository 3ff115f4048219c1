package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * File operations a snapshot strategy needs so that what it writes survives a crash or power loss and is readable by
 * its owner only: data and directory entries flushed with {@code fsync} before a rename publishes them, properties
 * written to a temporary name and renamed, private modes (0700 folders, 0600 files). Shared by Keel's strategies and
 * offered to third-party ones; every method is safe to call again after a crash at any point.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class SnapshotFiles {

    /** Mode 0700. */
    public static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** Mode 0600. */
    public static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private SnapshotFiles() {
    }

    /** Creates a directory (and missing parents) with mode 0700; an existing one is left as it is. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        // Set explicitly: a mode given at creation is narrowed by the umask, never widened, but be exact.
        setMode(dir, PRIVATE_DIRECTORY);
    }

    /** Creates a new, empty directory with mode 0700. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectory(dir);
        setMode(dir, PRIVATE_DIRECTORY);
    }

    /** Creates a new, empty file with mode 0600 (before anything is written into it). */
    public static void createPrivateFile(Path file) throws IOException {
        Files.createFile(file);
        setMode(file, PRIVATE_FILE);
    }

    /** Sets a file's or folder's POSIX mode; nothing on a file system without POSIX modes. */
    public static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX modes (not one Keel supports for servers); nothing to narrow
        }
    }

    /** Flushes a file's data to the disk. */
    public static void fsyncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a directory's entries (created, renamed or deleted names) to the disk. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some file systems refuse fsync on a directory (EINVAL); their renames are then as durable as they get.
            if (!Files.isDirectory(dir)) {
                throw notSupported;
            }
        }
    }

    /** Flushes every regular file and directory of a tree, deepest first. */
    public static void fsyncTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        channel.force(true);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                fsyncDirectory(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Renames atomically in one directory tree (one {@code rename(2)}) and flushes both parent directories. */
    public static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(to.toAbsolutePath().getParent());
        Path fromParent = from.toAbsolutePath().getParent();
        if (!fromParent.equals(to.toAbsolutePath().getParent())) {
            fsyncDirectory(fromParent);
        }
    }

    /** Whether a rename between these two places failed because they are on different file systems. */
    public static boolean isCrossDevice(IOException e) {
        return e instanceof AtomicMoveNotSupportedException
                || e instanceof FileSystemException fs && fs.getReason() != null
                        && fs.getReason().contains("cross-device");
    }

    /**
     * Writes properties (keys sorted, UTF-8) to a temporary name with mode 0600, flushes and renames them in place.
     *
     * @param comment the first line of the file, saying what wrote it
     */
    public static void writeProperties(Path file, Map<String, String> values, String comment) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        createPrivateFile(temporary);
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(values));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, comment);
        }
        fsyncFile(temporary);
        rename(temporary, file);
    }

    /** Reads a properties file written by {@link #writeProperties}. */
    public static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    /** Deletes a tree without following symbolic links; a missing tree is not an error. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The total size of the regular files of a tree (links not followed); 0 for a missing tree. */
    public static long treeSize(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total[0];
    }

    /** The nearest existing folder at or above a path (for free space and writability before it exists). */
    public static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }
}
