package dev.keel.snapshot.filecopy;

import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Filecopy's snapshot folder ({@link SnapshotDirectory}'s layout): each snapshot holds its data ({@code data/} or
 * the copied file) and, for a server, {@code server.properties}.
 */
final class SnapshotFolder extends SnapshotDirectory {

    /** The first line of every properties file a filecopy snapshot writes. */
    static final String WRITTEN_BY = "Keel filecopy snapshot; written by Keel, do not edit";

    SnapshotFolder(Path root, String strategy) {
        super(root, strategy, WRITTEN_BY);
    }

    /**
     * The complete snapshots whose data is still there, oldest first (a snapshot moved into place by a restore has
     * none left).
     */
    List<Snapshot> list(Predicate<Path> hasData) {
        return list((folder, properties) -> hasData.test(folder));
    }
}
