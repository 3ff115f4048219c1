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
        // The reader accepts .sql in any case (0007_x.SQL), so the listing must too.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))) {
            for (Path entry : entries) {
                String relative = prefix + entry.getFileName();
                BasicFileAttributes attributes;
                boolean link;
                try {
                    // The entry itself first: a plain file listed in the real folder cannot be elsewhere, so only a
                    // symbolic link needs its target resolved and checked when read.
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    link = attributes.isSymbolicLink();
                    if (link) {
                        attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    }
                } catch (IOException e) {
                    // e.g. a symbolic link to nothing: the file is there by name, so report it, not the folder.
                    into.add(new UnreadableFile(relative, displayPrefix + relative, "it cannot be opened ("
                            + e.getClass().getSimpleName() + "; a broken symbolic link?)"));
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    // A folder, pipe or device named like a migration would be skipped or block the read.
                    into.add(new UnreadableFile(relative, displayPrefix + relative,
                            attributes.isDirectory() ? "it is a directory" : "it is not a regular file"));
                    continue;
                }
                into.add(new PathSourceFile(link ? realRoot : null, entry, relative, displayPrefix + relative,
                        attributes.size()));
            }
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.MIGRATIONS_LOCATION_MISSING,
                    "Cannot list migrations directory " + dir + ": " + e.getMessage(), "Make the folder readable.");
        }
    }


    /** A name in the folder that cannot be read as a file; reading it reports why. */
    private record UnreadableFile(String relativeName, String displayName, String reason) implements SourceFile {

        @Override
        public long size() {
            return 0;
        }

        @Override
        public byte[] read() {
            throw KeelException.at(ErrorCode.FILE_UNREADABLE, Location.of(displayName),
                    "Cannot read " + displayName + ": " + reason + ".",
                    "Replace it with a regular .sql file, or remove it from the migrations directory.");
        }
    }

    /** A file on disk, read on demand; {@code linkRoot} is set for a symbolic link, whose target must stay in it. */
    private record PathSourceFile(Path linkRoot, Path path, String relativeName, String displayName, long size)
            implements SourceFile {

        @Override
        public byte[] read() {
            try {
                if (linkRoot != null && !path.toRealPath().startsWith(linkRoot)) {
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
