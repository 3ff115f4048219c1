package dev.keel.bootstrap.config;

import dev.keel.spi.Location;
import java.util.Arrays;
import java.util.Objects;

/**
 * One configured value and where it came from ({@code keel.yaml:3}, {@code KEEL_URL}, {@code --url},
 * {@code default}), so that an invalid value can be reported at its origin.
 */
public record Setting(String key, String value, String origin) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** The origin as a place for a problem: {@code keel.yaml:3:7} becomes file, line and column; a name stays a name. */
    public Location location() {
        String[] parts = origin.split(":");
        try {
            if (parts.length >= 3) {
                return new Location(String.join(":", Arrays.copyOf(parts, parts.length - 2)),
                        Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
            }
        } catch (NumberFormatException ignored) {
            // not a file position: a variable or flag name
        }
        return Location.of(origin);
    }
}
