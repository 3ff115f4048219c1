package dev.keel.bootstrap.protect;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files under {@code .keel/} that only their owner may read: folders 0700, files 0600. */
final class PrivateFiles {

    private PrivateFiles() {
    }

    static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            setMode(dir, "rwx------");
        }
    }

    static void restrict(Path file) throws IOException {
        setMode(file, "rw-------");
    }

    /** Makes a rename in the folder durable (a no-op where folders cannot be opened). */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Some platforms cannot sync a folder; the rename is still atomic.
        }
    }

    private static void setMode(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }
}
