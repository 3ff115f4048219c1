package dev.keel.snapshot.docker;

import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotDirectory;
import dev.keel.spi.snapshot.SnapshotFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The snapshots in Keel's snapshot folder. A complete snapshot is a folder {@code <id>/} holding the archive
 * {@value #ARCHIVE} and {@value #PROPERTIES}; while it is taken it is {@code <id>.partial/}, which also holds
 * {@value #TAKE_STATE} (written before the container is stopped, so that a crash can be undone); a discarded one is
 * renamed {@code <id>.deleting} before its files go. A crash at any instant so leaves a complete snapshot or a name
 * that says what to clean up. The folder may be shared with other strategies: only folders whose properties say
 * {@code docker} are listed or cleaned up.
 */
final class SnapshotStore extends SnapshotDirectory {

    static final String ARCHIVE = "data.tar";
    static final String TAKE_STATE = "take.properties";

    SnapshotStore(Path root, String strategy) {
        super(root, strategy, "Keel docker snapshot; written by Keel, do not edit");
    }

    /**
     * Starts a take: a fresh, empty {@code <id>.partial/} (0700) holding the take's state, flushed before the
     * caller stops anything.
     */
    Path beginPartial(String id, Map<String, String> takeState) throws IOException {
        Path partial = beginPartial(id);
        SnapshotFiles.writeProperties(partial.resolve(TAKE_STATE), takeState, "Keel docker snapshot being taken");
        return partial;
    }

    /** The state an unfinished take wrote before it stopped anything, when there is one. */
    Optional<Map<String, String>> takeState(String id) throws IOException {
        Path file = partial(id).resolve(TAKE_STATE);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(SnapshotFiles.readProperties(file))
                : Optional.empty();
    }

    /**
     * Completes a take: drops the take state, then publishes the folder with the archive (never used up by a
     * restore).
     *
     * @param details the strategy's own values (container, data path, …), kept beside the engine's metadata
     */
    Snapshot publish(String id, Map<String, String> metadata, long sizeBytes, Map<String, String> details)
            throws IOException {
        Files.deleteIfExists(partial(id).resolve(TAKE_STATE));
        return publish(id, metadata, sizeBytes, false, details);
    }

    /** A half-deleted folder without properties is docker's only when its archive is still there. */
    @Override
    protected boolean holdsLeftoverData(Path folder) {
        return Files.isRegularFile(folder.resolve(ARCHIVE), LinkOption.NOFOLLOW_LINKS);
    }

    /** The complete snapshots of this strategy with their archive that {@code belongs} accepts, oldest first. */
    List<Snapshot> list(Predicate<Map<String, String>> belongs) {
        return list((folder, properties) -> Files.isRegularFile(folder.resolve(ARCHIVE), LinkOption.NOFOLLOW_LINKS)
                && belongs.test(properties));
    }
}
