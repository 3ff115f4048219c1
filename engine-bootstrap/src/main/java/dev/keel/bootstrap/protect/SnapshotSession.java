package dev.keel.bootstrap.protect;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code .keel/session.properties}: the manual work session opened by {@code keel snapshot begin} (SPEC §6), naming
 * its snapshot until {@code commit} or {@code restore} ends it.
 */
public final class SnapshotSession {

    private final Path file;

    public SnapshotSession(Path workDirectory) {
        this.file = workDirectory.resolve("session.properties");
    }

    /** The open session: its snapshot id and strategy. */
    public Optional<Open> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new Open(p.getProperty("snapshotId"), p.getProperty("strategy")));
        } catch (IOException | RuntimeException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_SESSION_STATE, "Cannot read the session file " + file + ": " + e.getMessage(),
                    "Delete it if no work session is open ('keel snapshot list' shows the snapshots).");
        }
    }

    /** Records an open session. */
    public void write(Open session) {
        Properties p = new Properties();
        p.setProperty("snapshotId", session.snapshotId());
        p.setProperty("strategy", session.strategy());
        try {
            PrivateFiles.createDirectory(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Keel: open snapshot session (keel snapshot commit | restore ends it)");
            }
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot write " + file + ": " + e.getMessage(),
                    "Make the folder writable, or set 'workDirectory' in keel.yaml to a writable folder.");
        }
    }

    /** Ends the session. */
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot delete " + file + ": " + e.getMessage(),
                    "Make the folder writable.");
        }
    }

    /**
     * An open session.
     *
     * @param snapshotId the snapshot taken by {@code begin}
     * @param strategy   its strategy
     */
    public record Open(String snapshotId, String strategy) {
    }
}
