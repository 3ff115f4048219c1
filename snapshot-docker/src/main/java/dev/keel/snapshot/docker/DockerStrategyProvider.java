package dev.keel.snapshot.docker;

import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotStrategy;
import dev.keel.spi.snapshot.SnapshotStrategyProvider;
import java.util.Set;

/**
 * Provides the {@code docker} snapshot strategy: the data of a database container (a named volume or a bind mount at
 * {@code dataPath}), copied out through the Docker Engine API while the container is stopped, and put back the same
 * way. Options: {@code container} (required), {@code dataPath}, {@code dockerHost}, {@code readyTimeout},
 * {@code readyCheck}, {@code stopTimeout}, {@code helperImage}; see docs/snapshot-docker.md.
 */
public final class DockerStrategyProvider implements SnapshotStrategyProvider {

    /** The strategy's id in configuration. */
    static final String ID = "docker";

    public DockerStrategyProvider() {
        // cheap: nothing touches the Docker engine until a strategy works
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> optionNames() {
        return DockerOptions.NAMES;
    }

    @Override
    public SnapshotStrategy create(SnapshotContext context) {
        DockerOptions options = DockerOptions.from(context.options(), System.getenv());
        return new DockerSnapshotStrategy(context, options, new DockerEngine(options.dockerHost(), options.stopTimeout()));
    }
}
