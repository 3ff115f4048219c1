package dev.keel.bootstrap;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code .keel/migration.lock}: present while a run changes the database, so an application can show a
 * maintenance page (SPEC §12). Holds the PID of the run, so a flag left by a killed process is recognised
 * as stale.
 */
final class MaintenanceFlag {

    private final Path file;

    MaintenanceFlag(Path workDirectory) {
        this.file = workDirectory.resolve("migration.lock");
    }

    void raise() {
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
            Files.writeString(file, ProcessHandle.current().pid() + " " + Instant.now() + "\n", StandardCharsets.UTF_8);
            restrict(file, "rw-------");
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot write " + file + ": " + e.getMessage(),
                    "Make the folder writable, or set 'workDirectory' in keel.yaml to a writable folder.");
        }
    }

    void lower() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover flag names a dead PID and is treated as stale.
        }
    }

    boolean isRaised() {
        try {
            if (!Files.exists(file)) {
                return false;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            long pid = Long.parseLong(text.split("\\s+")[0]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return Files.exists(file);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }
}
