package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
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
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The folder of a file-based snapshot strategy's snapshots, one sub-folder per snapshot: {@code <id>/} holds
 * {@value #PROPERTIES} (the {@link Snapshot}'s values plus the strategy's own) and the strategy's data; while it is
 * being taken it is {@code <id>.partial/}, renamed only when complete and flushed; a discarded one is renamed
 * {@code <id>.deleting} before its files go. A crash at any instant so leaves a complete snapshot or a name that says
 * what to clean up. Several strategies may share the folder: a snapshot is listed only by the strategy named in its
 * properties. Shared by Keel's strategies and offered to third-party ones; a strategy extends it with its own files.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public class SnapshotDirectory {

    /** The name of a snapshot's properties file. */
    public static final String PROPERTIES = "snapshot.properties";
    /** The suffix of a snapshot folder being taken. */
    public static final String PARTIAL = ".partial";
    /** The suffix of a snapshot folder being deleted. */
    public static final String DELETING = ".deleting";
    private static final String METADATA = "metadata.";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path root;
    private final String strategy;
    private final String writtenBy;

    /**
     * @param root      the folder holding the snapshots (created, 0700, when a take begins)
     * @param strategy  the strategy's id, written into and checked in every snapshot's properties
     * @param writtenBy the comment line of the properties files, saying what wrote them
     */
    public SnapshotDirectory(Path root, String strategy, String writtenBy) {
        this.root = root.toAbsolutePath().normalize();
        this.strategy = strategy;
        this.writtenBy = writtenBy;
    }

    /** The folder holding all snapshots. */
    public Path root() {
        return root;
    }

    /** The comment line of the properties files this folder writes. */
    public String writtenBy() {
        return writtenBy;
    }

    /**
     * Refuses an id that could name anything but one folder directly in the snapshot folder: only letters, digits,
     * {@code .}, {@code _} and {@code -}, not starting with a dot, and not ending like a temporary name.
     *
     * @return the id
     */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.endsWith(PARTIAL) || id.endsWith(DELETING)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_NOT_FOUND,
                    "'" + id + "' is not a snapshot id: ids are 1 to 200 letters, digits, '.', '_' and '-', starting "
                            + "with a letter or digit (e.g. 20261122T081530Z-3f2a).",
                    "Use an id that 'keel snapshot list' shows.");
        }
        return id;
    }

    /** The folder of a complete snapshot. */
    public Path complete(String id) {
        return root.resolve(checkId(id));
    }

    /** The folder of a snapshot being taken. */
    public Path partial(String id) {
        return root.resolve(checkId(id) + PARTIAL);
    }

    /** The folder of a snapshot being deleted. */
    public Path deleting(String id) {
        return root.resolve(checkId(id) + DELETING);
    }

    /** Creates the snapshot folder with mode 0700 when missing. */
    public void ensureRoot() throws IOException {
        SnapshotFiles.createPrivateDirectories(root);
    }

    /** Starts a take: a fresh {@code <id>.partial/} (0700), replacing what an earlier interrupted take left. */
    public Path beginPartial(String id) throws IOException {
        ensureRoot();
        if (Files.exists(complete(id), LinkOption.NOFOLLOW_LINKS)) {
            throw KeelException.of(ErrorCode.SNAPSHOT_TAKE_FAILED,
                    "A snapshot with id " + id + " already exists in " + root + ".",
                    "Take the snapshot with another id, or discard the existing one first.");
        }
        Path partial = partial(id);
        SnapshotFiles.deleteTree(partial);
        SnapshotFiles.createPrivateDirectory(partial);
        SnapshotFiles.fsyncDirectory(root);
        return partial;
    }

    /**
     * Completes a take: writes {@value #PROPERTIES} into the partial folder, flushes every file and folder of it, and
     * renames it to {@code <id>/}.
     *
     * @param metadata          the engine's metadata of the snapshot
     * @param consumedByRestore whether a restore uses the snapshot up (moves its data into place)
     * @param extra             the strategy's own values, kept beside the engine's
     */
    public Snapshot publish(String id, Map<String, String> metadata, long sizeBytes, boolean consumedByRestore,
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
        SnapshotFiles.writeProperties(partial.resolve(PROPERTIES), values, writtenBy);
        SnapshotFiles.fsyncTree(partial);
        Path complete = complete(id);
        SnapshotFiles.rename(partial, complete);
        return new Snapshot(id, strategy, createdAt, sizeBytes, complete.toString(), consumedByRestore, metadata);
    }

    /** The properties of a complete snapshot of this strategy, when it exists and can be read. */
    public Optional<Map<String, String>> properties(String id) {
        return read(complete(id));
    }

    /**
     * The complete snapshots of this strategy that {@code accepts} (given the folder and its properties), oldest
     * first. This strategy's leftovers of interrupted discards ({@code .deleting}) are removed on the way; a folder whose properties
     * cannot be read is not listed (left for a person to look at).
     */
    public List<Snapshot> list(BiPredicate<Path, Map<String, String>> accepts) {
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
                        SnapshotFiles.deleteTree(entry);
                    }
                    continue;
                }
                if (!ID.matcher(name).matches() || name.endsWith(PARTIAL)) {
                    continue;
                }
                read(entry).filter(v -> name.equals(v.get("id")) && accepts.test(entry, v))
                        .flatMap(v -> snapshot(entry, v))
                        .ifPresent(snapshots::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshots in " + root, e);
        }
        snapshots.sort(Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::id));
        return snapshots;
    }

    /** Deletes a complete snapshot: renamed to {@code <id>.deleting} first, so a crash leaves no half snapshot. */
    public void discard(String id) throws IOException {
        Path complete = complete(id);
        Path deleting = deleting(id);
        if (Files.exists(complete, LinkOption.NOFOLLOW_LINKS)) {
            SnapshotFiles.deleteTree(deleting);
            SnapshotFiles.rename(complete, deleting);
        }
        SnapshotFiles.deleteTree(deleting);
    }

    /** Deletes what an interrupted take left. */
    public void deletePartial(String id) throws IOException {
        SnapshotFiles.deleteTree(partial(id));
    }

    /**
     * Whether a folder being deleted whose properties file is already gone holds this strategy's data, so that this
     * strategy may finish deleting it; by default any such folder does. A strategy sharing the snapshot folder with
     * others narrows it to its own files.
     */
    protected boolean holdsLeftoverData(Path folder) {
        return true;
    }

    /** A folder being deleted is this strategy's when its properties say so, or they are gone and its data is ours. */
    private boolean ours(Path folder) {
        return Files.exists(folder.resolve(PROPERTIES), LinkOption.NOFOLLOW_LINKS) ? read(folder).isPresent()
                : holdsLeftoverData(folder);
    }

    private Optional<Map<String, String>> read(Path folder) {
        Path file = folder.resolve(PROPERTIES);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Map<String, String> values = SnapshotFiles.readProperties(file);
            return strategy.equals(values.get("strategy")) ? Optional.of(values) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // damaged or foreign: not a snapshot Keel can restore
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
                    Long.parseLong(values.getOrDefault("sizeBytes", "0")), folder.toString(),
                    Boolean.parseBoolean(values.get("consumedByRestore")), metadata));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
