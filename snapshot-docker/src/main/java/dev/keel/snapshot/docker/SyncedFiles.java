package dev.keel.snapshot.docker;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
 * File operations that a crash or power loss cannot leave half done: contents flushed before a rename publishes them,
 * directory entries flushed after, and owner-only modes (folders 0700, files 0600) from the moment a name exists.
 */
final class SyncedFiles {

    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private SyncedFiles() {
    }

    /** Creates a folder and its missing parents, each 0700; existing ones keep their mode. */
    static void createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createFolders(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        restrict(absolute, FOLDER_MODE);
    }

    /** Creates a new, empty folder with mode 0700. */
    static void createFolder(Path folder) throws IOException {
        Files.createDirectory(folder);
        restrict(folder, FOLDER_MODE);
    }

    /** Creates a new, empty file with mode 0600, before anything is written into it. */
    static void createFile(Path file) throws IOException {
        Files.createFile(file);
        restrict(file, FILE_MODE);
    }

    static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX modes on this file system: nothing to narrow
        }
    }

    /** Flushes a file's contents to the disk. */
    static void flushFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Flushes a folder's entries (names created, renamed or deleted) to the disk. */
    static void flushFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException refused) {
            // Some file systems refuse fsync on a folder; their renames are as durable as they get.
            if (!Files.isDirectory(folder)) {
                throw refused;
            }
        }
    }

    /** Renames in one step ({@code rename(2)}) within a folder tree and flushes the folders involved. */
    static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        Path toParent = to.toAbsolutePath().getParent();
        flushFolder(toParent);
        Path fromParent = from.toAbsolutePath().getParent();
        if (!fromParent.equals(toParent)) {
            flushFolder(fromParent);
        }
    }

    /** Writes properties (sorted keys, UTF-8) to a temporary 0600 file, flushes it and renames it into place. */
    static void writeProperties(Path file, Map<String, String> values, String comment) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        createFile(temporary);
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(values));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, comment);
        }
        flushFile(temporary);
        rename(temporary, file);
    }

    /** Reads a file written by {@link #writeProperties}. */
    static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            values.put(key, properties.getProperty(key));
        }
        return values;
    }

    /** Deletes a tree without following links; a missing tree is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
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
            public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.deleteIfExists(folder);
                return FileVisitResult.CONTINUE;
            }
        });
        Path parent = root.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            flushFolder(parent);
        }
    }

    /** The total size of the regular files under a folder, links not followed; unreadable entries count 0. */
    static long treeSize(Path root) throws IOException {
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** The nearest existing folder at or above a path, to ask for free space before the path exists. */
    static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }
}
