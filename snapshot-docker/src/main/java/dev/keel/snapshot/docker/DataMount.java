package dev.keel.snapshot.docker;

import java.util.Objects;

/**
 * A volume or bind mount of a container, as the engine reports it.
 *
 * @param volume      whether it is a named (or anonymous) volume; otherwise a bind mount of a host folder
 * @param name        the volume's name; empty for a bind mount
 * @param source      where the data is on the engine's host ({@code /var/lib/docker/volumes/NAME/_data}, or the bound folder)
 * @param destination where it is mounted inside the container
 */
record DataMount(boolean volume, String name, String source, String destination) {

    DataMount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    /** Whether {@code path} inside the container lies on this mount. */
    boolean holds(String path) {
        return path.equals(destination) || path.startsWith(destination.endsWith("/") ? destination : destination + "/");
    }

    /** In words, for messages: {@code volume db-data} or {@code bind mount /srv/db}. */
    String describe() {
        return volume ? "volume " + name : "bind mount " + source;
    }
}
