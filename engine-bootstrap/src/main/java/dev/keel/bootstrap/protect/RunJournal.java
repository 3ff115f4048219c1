package dev.keel.bootstrap.protect;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code .keel/journal.properties}: the snapshot work in progress, written before each phase begins (to a temporary
 * file, synced, then renamed over the old one) so that after a crash at any instant the next {@code keel} command
 * knows what to finish or undo. Absent when nothing is in progress; checking that costs one file lookup.
 */
public final class RunJournal {

    private static final String META = "snapshot.meta.";

    private final Path file;

    public RunJournal(Path workDirectory) {
        this.file = workDirectory.resolve("journal.properties");
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /** Whether work is recorded as in progress. */
    public boolean isPresent() {
        return Files.exists(file);
    }

    /** The work in progress, if any. */
    public Optional<JournalEntry> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            JournalEntry.Phase phase = JournalEntry.Phase.valueOf(p.getProperty("phase"));
            Optional<Snapshot> snapshot = Optional.empty();
            if (p.getProperty("snapshot.id") != null) {
                Map<String, String> metadata = new TreeMap<>();
                for (String name : p.stringPropertyNames()) {
                    if (name.startsWith(META)) {
                        metadata.put(name.substring(META.length()), p.getProperty(name));
                    }
                }
                snapshot = Optional.of(new Snapshot(p.getProperty("snapshot.id"), p.getProperty("snapshot.strategy"),
                        Instant.parse(p.getProperty("snapshot.createdAt")), Long.parseLong(p.getProperty("snapshot.sizeBytes")),
                        p.getProperty("snapshot.location"), Boolean.parseBoolean(p.getProperty("snapshot.consumedByRestore")),
                        metadata));
            }
            return Optional.of(new JournalEntry(p.getProperty("operation"), phase, p.getProperty("snapshotId"),
                    p.getProperty("strategy"), snapshot, Long.parseLong(p.getProperty("pid")),
                    Instant.parse(p.getProperty("startedAt"))));
        } catch (IOException | RuntimeException e) {
            throw KeelException.of(ErrorCode.RECOVERY_FAILED,
                    "The journal " + file + " of an interrupted run cannot be read: " + e.getMessage(),
                    "Inspect it: it names the snapshot that was being taken or restored. Restore that snapshot with"
                            + " 'keel snapshot restore ID' if the database is damaged, then delete the journal.");
        }
    }

    /** Records the work in progress, replacing what was recorded. */
    public void write(JournalEntry entry) {
        Properties p = new Properties();
        p.setProperty("operation", entry.operation());
        p.setProperty("phase", entry.phase().name());
        p.setProperty("snapshotId", entry.snapshotId());
        p.setProperty("strategy", entry.strategy());
        p.setProperty("pid", Long.toString(entry.pid()));
        p.setProperty("startedAt", entry.startedAt().toString());
        entry.snapshot().ifPresent(s -> {
            p.setProperty("snapshot.id", s.id());
            p.setProperty("snapshot.strategy", s.strategy());
            p.setProperty("snapshot.createdAt", s.createdAt().toString());
            p.setProperty("snapshot.sizeBytes", Long.toString(s.sizeBytes()));
            p.setProperty("snapshot.location", s.location());
            p.setProperty("snapshot.consumedByRestore", Boolean.toString(s.consumedByRestore()));
            s.metadata().forEach((k, v) -> p.setProperty(META + k, v));
        });
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            PrivateFiles.createDirectory(file.getParent());
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                p.store(out, "Keel: work in progress; the next keel command finishes or undoes it");
            }
            PrivateFiles.restrict(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            PrivateFiles.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    /** Records that nothing is in progress any more. */
    public void clear() {
        try {
            Files.deleteIfExists(file);
            PrivateFiles.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    private KeelException unwritable(IOException e) {
        return KeelException.of(ErrorCode.WORKSPACE_UNWRITABLE, "Cannot write the journal " + file + ": " + e.getMessage(),
                "Make the folder writable, or set 'workDirectory' in keel.yaml to a writable folder.");
    }
}
