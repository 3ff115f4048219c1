package dev.keel.bootstrap;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Writes the flag whole (temporary file, owner-only from creation, renamed over the old one): several runs may
     * follow one another on the same folder, and one lowering its flag must never break another raising its own.
     */
    void raise() {
        Path dir = file.getParent();
        Path temporary = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
            temporary = ownerOnlyTemporary(dir);
            Files.writeString(temporary, ProcessHandle.current().pid() + " " + Instant.now() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot write " + file + ": " + e,
                    "Make the folder writable, or set 'workDirectory' in keel.yaml to a writable folder.");
        }
    }

    /** Removes the flag if it is this process's: a later run may already have raised its own. */
    void lower() {
        if (heldBy().filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            deleteQuietly(file);
        }
    }

    boolean isRaised() {
        if (!Files.exists(file)) {
            return false;
        }
        return heldBy().map(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .orElseGet(() -> Files.exists(file));
    }

    /** The PID written in the flag, empty when there is no flag or it cannot be read. */
    private Optional<Long> heldBy() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return Optional.of(Long.parseLong(text.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path ownerOnlyTemporary(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, "migration.lock.", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, "migration.lock.", ".tmp");
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover flag names a dead PID and is treated as stale.
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
