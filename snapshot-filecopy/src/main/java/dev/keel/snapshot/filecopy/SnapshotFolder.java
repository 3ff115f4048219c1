package dev.keel.snapshot.filecopy;

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
 * The layout of the snapshot folder: a complete snapshot is a folder {@code <id>/} holding {@code snapshot.properties}
 * and the data; while being taken it is {@code <id>.partial/}, renamed only when complete; a discarded one is renamed
 * {@code <id>.deleting} before its files go. So a crash at any instant leaves either a complete snapshot or a name
 * that says what to clean up.
 */
final class SnapshotFolder {

    static final String PROPERTIES = "snapshot.properties";
    static final String PARTIAL = ".partial";
    static final String DELETING = ".deleting";
    private static final String METADATA = "metadata.";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path root;
    private final String strategy;

    SnapshotFolder(Path root, String strategy) {
        this.root = root.toAbsolutePath().normalize();
        this.strategy = strategy;
    }

    /** The folder holding all snapshots. */
    Path root() {
        return root;
    }

    /**
     * Refuses an id that could name anything but one folder directly in the snapshot folder: only letters, digits,
     * {@code .}, {@code _} and {@code -}, not starting with a dot, and not ending like a temporary name.
     */
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

    Path deleting(String id) {
        return root.resolve(checkId(id) + DELETING);
    }

    /** Creates the snapshot folder with mode 0700 when missing. */
    void ensureRoot() throws IOException {
        DurableFiles.createPrivateDirectories(root);
    }

    /** Starts a take: a fresh {@code <id>.partial/} (0700), replacing what an earlier interrupted take left. */
    Path beginPartial(String id) throws IOException {
        ensureRoot();
        if (Files.exists(complete(id), LinkOption.NOFOLLOW_LINKS)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_TAKE_FAILED,
                    "A snapshot with id " + id + " already exists in " + root + ".",
                    "Take the snapshot with another id, or discard the existing one first.");
        }
        Path partial = partial(id);
        DurableFiles.deleteTree(partial);
        DurableFiles.createPrivateDirectory(partial);
        DurableFiles.fsyncDirectory(root);
        return partial;
    }

    /**
     * Completes a take: writes {@code snapshot.properties} into the partial folder, flushes every file and folder of
     * it, and renames it to {@code <id>/}.
     */
    Snapshot publish(String id, Map<String, String> metadata, long sizeBytes, boolean consumedByRestore,
            Map<String, String> extra) throws IOException {
        Path partial = partial(id);
        Instant createdAt = Instant.now();
        Map<String, String> values = new LinkedHashMap<>(extra);
        values.put("id", id);
        values.put("strategy", strategy);
        values.put("createdAt", createdAt.toString());
        values.put("sizeBytes", Long.toString(sizeBytes));
        values.put("consumedByRestore", Boolean.toString(consumedByRestore));
        metadata.forEach((k, v) -> values.put(METADATA + k, v));
        DurableFiles.writeProperties(partial.resolve(PROPERTIES), values);
        DurableFiles.fsyncTree(partial);
        Path complete = complete(id);
        DurableFiles.rename(partial, complete);
        return new Snapshot(id, strategy, createdAt, sizeBytes, complete.toString(), consumedByRestore, metadata);
    }

    /** The properties of a complete snapshot, when it exists. */
    Optional<Map<String, String>> properties(String id) throws IOException {
        Path file = complete(id).resolve(PROPERTIES);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(DurableFiles.readProperties(file));
    }

    /**
     * The complete snapshots, oldest first. Leftovers of interrupted discards ({@code .deleting}) are removed; a
     * snapshot whose data is gone (moved into place by a restore) or whose properties cannot be read is not listed.
     */
    List<Snapshot> list(Predicate<Path> hasData) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(DELETING) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    DurableFiles.deleteTree(entry);
                    continue;
                }
                if (!ID.matcher(name).matches() || name.endsWith(PARTIAL)
                        || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) || !hasData.test(entry)) {
                    continue;
                }
                read(name, entry).ifPresent(snapshots::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + root, e);
        }
        snapshots.sort(Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::id));
        return snapshots;
    }

    private Optional<Snapshot> read(String id, Path folder) {
        Path file = folder.resolve(PROPERTIES);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = DurableFiles.readProperties(file);
            if (!id.equals(values.get("id"))) {
                return Optional.empty();
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(METADATA)) {
                    metadata.put(k.substring(METADATA.length()), v);
                }
            });
            return Optional.of(new Snapshot(id, values.getOrDefault("strategy", strategy),
                    Instant.parse(values.get("createdAt")), Long.parseLong(values.getOrDefault("sizeBytes", "0")),
                    folder.toString(), Boolean.parseBoolean(values.get("consumedByRestore")), metadata));
        } catch (IOException | RuntimeException unreadable) {
            // A damaged or foreign folder is not a snapshot Keel can restore; leave it for a person to look at.
            return Optional.empty();
        }
    }

    /** Deletes a complete snapshot: renamed to {@code <id>.deleting} first, so a crash leaves no half snapshot. */
    void discard(String id) throws IOException {
        Path complete = complete(id);
        Path deleting = deleting(id);
        if (Files.exists(complete, LinkOption.NOFOLLOW_LINKS)) {
            DurableFiles.deleteTree(deleting);
            DurableFiles.rename(complete, deleting);
        }
        DurableFiles.deleteTree(deleting);
    }

    /** Deletes what an interrupted take left. */
    void deletePartial(String id) throws IOException {
        DurableFiles.deleteTree(partial(id));
    }
}
