package dev.keel.bootstrap.config;

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
}
