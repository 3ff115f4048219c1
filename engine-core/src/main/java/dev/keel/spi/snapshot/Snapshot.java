package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete snapshot held by a strategy.
 *
 * @param id                the identifier (sortable by time, e.g. {@code 20261122T081530Z-3f2a})
 * @param strategy          the strategy that holds it
 * @param createdAt         when it was completed
 * @param sizeBytes         how much it takes on disk
 * @param location          where it is, for people (a path, a volume name)
 * @param consumedByRestore whether restoring it uses it up (a directory moved into place)
 * @param metadata          values kept with it by the engine (see {@link #FINGERPRINT}, {@link #LABEL})
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Snapshot(
        String id,
        String strategy,
        Instant createdAt,
        long sizeBytes,
        String location,
        boolean consumedByRestore,
        Map<String, String> metadata) {

    /** Metadata key: the schema fingerprint hash taken just before the snapshot. */
    public static final String FINGERPRINT = "schemaFingerprint";
    /** Metadata key: why it was taken ({@code migrate}, {@code manual}, {@code rollback}). */
    public static final String LABEL = "label";
    /** Metadata key: the environment it was taken in. */
    public static final String ENVIRONMENT = "environment";

    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(location, "location");
        metadata = Map.copyOf(metadata);
    }

    /** The schema fingerprint recorded with the snapshot, when there is one. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(metadata.get(FINGERPRINT));
    }
}
