package dev.keel.bootstrap.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.migration.MigrationSource;
import dev.keel.spi.migration.SourceFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrations in a directory: its {@code .sql} files and those of its {@code rollback/} folder. A file
 * (or symbolic link) whose real path lies outside the directory is refused when read, so names from
 * files never escape their folder.
 */
public final class DirectoryMigrationSource implements MigrationSource {

    private final Path root;
    private final String location;
    private final String displayPrefix;

    public DirectoryMigrationSource(Path root, String location) {
        this.root = root;
        this.location = location;
        this.displayPrefix = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public List<SourceFile> files() {
        if (!Files.isDirectory(root)) {
            throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                    "Migrations directory " + root + " does not exist.",
                    "Create it (keel new creates it too), or point --migrations / 'migrations:' in keel.yaml at your folder.");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                    "Cannot read migrations directory " + root + ": " + e.getMessage(), "Make the folder readable.");
        }
        List<SourceFile> files = new ArrayList<>();
        list(realRoot, realRoot, "", files);
        Path rollback = realRoot.resolve("rollback");
        if (Files.isDirectory(rollback, LinkOption.NOFOLLOW_LINKS)) {
            list(realRoot, rollback, "rollback/", files);
        }
        return files;
    }

    private void list(Path realRoot, Path dir, String prefix, List<SourceFile> into) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.sql")) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                if (attributes.isDirectory()) {
                    continue;
                }
                String relative = prefix + entry.getFileName();
                into.add(new PathSourceFile(realRoot, entry, relative, displayPrefix + relative, attributes.size()));
            }
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                    "Cannot list migrations directory " + dir + ": " + e.getMessage(), "Make the folder readable.");
        }
    }


    /** A file on disk, read on demand. */
    private record PathSourceFile(Path realRoot, Path path, String relativeName, String displayName, long size)
            implements SourceFile {

        @Override
        public byte[] read() {
            try {
                if (!path.toRealPath().startsWith(realRoot)) {
                    throw KeelException.at(ErrorCode.PATH_ESCAPES_FOLDER, Location.of(displayName),
                            displayName + " points outside the migrations directory (symbolic link to "
                                    + path.toRealPath() + ").",
                            "Copy the file into the migrations directory instead of linking to it.");
                }
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw KeelException.at(ErrorCode.FILE_UNREADABLE, Location.of(displayName),
                        "Cannot read " + displayName + ": " + e.getClass().getSimpleName() + " " + e.getMessage() + ".",
                        "Check the file's permissions (the user running Keel must be able to read it).");
            }
        }
    }
}
