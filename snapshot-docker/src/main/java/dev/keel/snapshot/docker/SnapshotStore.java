package dev.keel.snapshot.docker;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The snapshots in Keel's snapshot folder. A complete snapshot is a folder {@code <id>/} holding the archive
 * {@value #ARCHIVE} and {@value #PROPERTIES}; while it is taken it is {@code <id>.partial/}, which also holds
 * {@value #TAKE_STATE} (written before the container is stopped, so that a crash can be undone); a discarded one is
 * renamed {@code <id>.deleting} before its files go. A crash at any instant so leaves a complete snapshot or a name
 * that says what to clean up. The folder may be shared with other strategies: only folders whose properties say
 * {@code docker} are listed or cleaned up.
 */
final class SnapshotStore {

    static final String ARCHIVE = "data.tar";
    static final String PROPERTIES = "snapshot.properties";
    static final String TAKE_STATE = "take.properties";
    static final String PARTIAL = ".partial";
    static final String DELETING = ".deleting";
    private static final String METADATA = "metadata.";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path root;
    private final String strategy;

    SnapshotStore(Path root, String strategy) {
        this.root = root.toAbsolutePath().normalize();
        this.strategy = strategy;
    }

    Path root() {
        return root;
    }

    /** Refuses an id that could name anything but one folder right in the snapshot folder. */
    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.endsWith(PARTIAL) || id.endsWith(DELETING)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                    "'" + id + "' is not a snapshot id: ids are 1 to 200 letters, digits, '.', '_' and '-', starting "
                            + "with a letter or digit (e.g. 20261122T081530Z-3f2a).",
                    "Use an id that 'keel snapshot list' shows.");
        }
        return id;
    }

    Path complete(String id) {
        return root.resolve(checkId(id));
    }

    Path partial(String id) {
        return root.resolve(checkId(id) + PARTIAL);
    }

    private Path deleting(String id) {
        return root.resolve(checkId(id) + DELETING);
    }

    /** Creates the snapshot folder (0700) when missing. */
    void createRoot() throws IOException {
        SyncedFiles.createFolders(root);
    }

    /**
     * Starts a take: a fresh, empty {@code <id>.partial/} (0700) holding the take's state, flushed before the
     * caller stops anything.
     */
    Path beginPartial(String id, Map<String, String> takeState) throws IOException {
        createRoot();
        if (Files.exists(complete(id), LinkOption.NOFOLLOW_LINKS)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_TAKE_FAILED,
                    "A snapshot with id " + id + " already exists in " + root + ".",
                    "Take the snapshot with another id, or discard the existing one first.");
        }
        Path partial = partial(id);
        SyncedFiles.deleteTree(partial);
        SyncedFiles.createFolder(partial);
        SyncedFiles.writeProperties(partial.resolve(TAKE_STATE), takeState, "Keel docker snapshot being taken");
        SyncedFiles.flushFolder(root);
        return partial;
    }

    /** The state an unfinished take wrote before it stopped anything, when there is one. */
    Optional<Map<String, String>> takeState(String id) throws IOException {
        Path file = partial(id).resolve(TAKE_STATE);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(SyncedFiles.readProperties(file))
                : Optional.empty();
    }

    /**
     * Completes a take: writes {@value #PROPERTIES}, drops the take state, flushes the archive and the folder, and
     * renames {@code <id>.partial/} to {@code <id>/}.
     *
     * @param details the strategy's own values (container, data path, …), kept beside the engine's metadata
     */
    Snapshot publish(String id, Map<String, String> metadata, long sizeBytes, Map<String, String> details)
            throws IOException {
        Path partial = partial(id);
        Instant createdAt = Instant.now();
        Map<String, String> values = new LinkedHashMap<>(details);
        values.put("id", id);
        values.put("strategy", strategy);
        values.put("createdAt", createdAt.toString());
        values.put("sizeBytes", Long.toString(sizeBytes));
        values.put("consumedByRestore", "false");
        metadata.forEach((k, v) -> values.put(METADATA + k, v));
        SyncedFiles.writeProperties(partial.resolve(PROPERTIES), values, "Keel docker snapshot; written by Keel, do not edit");
        Files.deleteIfExists(partial.resolve(TAKE_STATE));
        SyncedFiles.flushFile(partial.resolve(ARCHIVE));
        SyncedFiles.flushFolder(partial);
        Path complete = complete(id);
        SyncedFiles.rename(partial, complete);
        return new Snapshot(id, strategy, createdAt, sizeBytes, complete.toString(), false, metadata);
    }

    /** The properties of a complete snapshot of this strategy, when it exists. */
    Optional<Map<String, String>> properties(String id) {
        return read(complete(id));
    }

    /**
     * The complete snapshots of this strategy that {@code belongs} accepts (by their properties), oldest first.
     * Leftovers of interrupted discards of this strategy are deleted on the way.
     */
    List<Snapshot> list(Predicate<Map<String, String>> belongs) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (name.endsWith(DELETING)) {
                    if (ours(entry)) {
                        SyncedFiles.deleteTree(entry);
                    }
                    continue;
                }
                if (!ID.matcher(name).matches() || name.endsWith(PARTIAL)
                        || !Files.isRegularFile(entry.resolve(ARCHIVE), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                read(entry).filter(v -> name.equals(v.get("id")) && belongs.test(v))
                        .flatMap(v -> snapshot(entry, v))
                        .ifPresent(snapshots::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + root, e);
        }
        snapshots.sort(Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::id));
        return snapshots;
    }

    /** Deletes a complete snapshot: renamed {@code <id>.deleting} first, so a crash never leaves half of one listed. */
    void discard(String id) throws IOException {
        Path complete = complete(id);
        Path deleting = deleting(id);
        if (Files.exists(complete, LinkOption.NOFOLLOW_LINKS)) {
            SyncedFiles.deleteTree(deleting);
            SyncedFiles.rename(complete, deleting);
        }
        SyncedFiles.deleteTree(deleting);
    }

    /** Deletes what an unfinished take left. */
    void deletePartial(String id) throws IOException {
        SyncedFiles.deleteTree(partial(id));
    }

    private Optional<Map<String, String>> read(Path folder) {
        Path file = folder.resolve(PROPERTIES);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = SyncedFiles.readProperties(file);
            return strategy.equals(values.get("strategy")) ? Optional.of(values) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // damaged or foreign: not a snapshot Keel can restore; left for a person to look at
            return Optional.empty();
        }
    }

    private Optional<Snapshot> snapshot(Path folder, Map<String, String> values) {
        try {
            Map<String, String> metadata = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(METADATA)) {
                    metadata.put(k.substring(METADATA.length()), v);
                }
            });
            return Optional.of(new Snapshot(values.get("id"), strategy, Instant.parse(values.get("createdAt")),
                    Long.parseLong(values.getOrDefault("sizeBytes", "0")), folder.toString(), false, metadata));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether a folder being deleted was one of this strategy's snapshots (its properties or archive are left). */
    private boolean ours(Path folder) {
        return read(folder).isPresent() || Files.isRegularFile(folder.resolve(ARCHIVE), LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(folder.resolve(PROPERTIES), LinkOption.NOFOLLOW_LINKS);
    }
}
