package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import java.util.Set;

/**
 * Entry point of a snapshot strategy plugin ({@code filecopy}, {@code docker}, …), found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/dev.keel.spi.snapshot.SnapshotStrategyProvider}.
 * The provider is cheap to create; the working {@link SnapshotStrategy} is made per Keel instance by
 * {@link #create(SnapshotContext)}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SnapshotStrategyProvider {

    /** The strategy name used in configuration (e.g. {@code filecopy}). */
    String id();

    /**
     * The option names this strategy reads from {@code snapshot.options} in {@code keel.yaml}; any other name there
     * is reported as a configuration error naming these.
     */
    default Set<String> optionNames() {
        return Set.of();
    }

    /**
     * Creates the strategy for one database. Must not stop, copy or change anything; a configuration the strategy
     * cannot work with is reported here as a {@link dev.keel.spi.KeelException} with a usage error code.
     */
    SnapshotStrategy create(SnapshotContext context);
}
