package dev.keel.spi.snapshot;

import dev.keel.spi.Api;

/**
 * Entry point of a snapshot strategy plugin ({@code filecopy}, {@code docker}, …), found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/dev.keel.spi.snapshot.SnapshotStrategyProvider}.
 * The strategy operations (take, restore, discard, list) arrive with the snapshot capability.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SnapshotStrategyProvider {

    /** The strategy name used in configuration (e.g. {@code filecopy}). */
    String id();
}
