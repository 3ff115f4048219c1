package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.SnapshotFiles;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Refuses a copy that would not fit, before anything is stopped or written. */
final class SpaceCheck {

    private static final long MIB = 1024L * 1024L;

    private SpaceCheck() {
    }

    /** What a copy of {@code bytes} needs: the bytes, a tenth more (file system overhead, growth) and 1 MiB. */
    static long needed(long bytes) {
        return bytes + bytes / 10 + MIB;
    }

    /**
     * Throws {@code SNAPSHOT_NO_SPACE} when the file system holding {@code target} (or its nearest existing parent)
     * has less usable space than {@link #needed} for {@code bytes}.
     *
     * @param target where the copy goes
     * @param bytes  the size of what is copied
     * @param what   what is copied, for the message (e.g. "the SQLite file app.db")
     */
    static void require(Path target, long bytes, String what) {
        Path existing = SnapshotFiles.existingAncestor(target);
        long usable;
        try {
            usable = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw KeelException.of(ErrorCode.SNAPSHOT_UNAVAILABLE,
                    "Cannot read the free space of " + existing + ": " + e.getMessage() + ".",
                    "Check that the snapshot folder " + target + " is on a mounted, readable file system.");
        }
        long needed = needed(bytes);
        if (usable < needed) {
            throw KeelException.of(ErrorCode.SNAPSHOT_NO_SPACE,
                    "A snapshot of " + what + " needs about " + megabytes(needed) + " in " + target + ", but that "
                            + "disk has only " + megabytes(usable) + " free; nothing was stopped or copied.",
                    "Free " + megabytes(needed - usable) + " or more on that disk, or set snapshot.directory in "
                            + "keel.yaml to a folder on a disk with more room.");
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
