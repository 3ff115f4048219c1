package dev.keel.snapshot.docker;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine says about a container at one moment.
 *
 * @param id      the full id
 * @param name    the name, without the leading {@code /}
 * @param imageId the id of its image (helpers run from it, so nothing is pulled)
 * @param status  {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code exited}, …
 * @param health  the health check's status ({@code starting}, {@code healthy}, {@code unhealthy}) when it has one
 * @param mounts  its volumes and bind mounts
 */
record ContainerState(String id, String name, String imageId, String status, Optional<String> health,
        List<DataMount> mounts) {

    ContainerState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(health, "health");
        mounts = List.copyOf(mounts);
    }

    boolean running() {
        return status.equals("running");
    }

    /** The mount that holds a path inside the container (the innermost one, when mounts nest). */
    Optional<DataMount> mountOf(String path) {
        return mounts.stream().filter(m -> m.holds(path))
                .max(Comparator.comparingInt(m -> m.destination().length()));
    }

    /** The short id, as {@code docker ps} shows it. */
    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
