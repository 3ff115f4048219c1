package dev.keel.bootstrap.config;

import java.util.List;
import java.util.Objects;

/**
 * A configured list of values, such as a snapshot option's argument list or one hook's command, with where the
 * list and each of its items were written, so that an item naming an unset {@code ${env:NAME}} is reported at
 * its own place. A single value written where a list is accepted is a list of one.
 *
 * @param key    the key as shown in messages ({@code snapshot.options.stopCommand}, {@code hooks.postMigrate})
 * @param items  the values, each with its origin
 * @param origin where the list was written ({@code keel.yaml:12:7})
 */
public record ListSetting(String key, List<Setting> items, String origin) {

    public ListSetting {
        Objects.requireNonNull(key, "key");
        items = List.copyOf(items);
        Objects.requireNonNull(origin, "origin");
    }

    /** The values without their origins. */
    public List<String> values() {
        return items.stream().map(Setting::value).toList();
    }
}
