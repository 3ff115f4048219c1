package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The strategy's own settings from {@code snapshot.options} in {@code keel.yaml}: each a single value or a list
 * (an argument list such as {@code [supervisorctl, stop, mysql]}), with where it was written for error messages.
 *
 * @param values  option name to its value(s); a single value is a list of one
 * @param origins option name to its origin ({@code keel.yaml:12:7})
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SnapshotOptions(Map<String, List<String>> values, Map<String, String> origins) {

    public SnapshotOptions {
        values = Map.copyOf(values);
        origins = Map.copyOf(origins);
    }

    /** No options. */
    public static SnapshotOptions empty() {
        return new SnapshotOptions(Map.of(), Map.of());
    }

    /** A single-valued option. */
    public Optional<String> text(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.size() > 1) {
            throw invalid(name, "a single value");
        }
        return Optional.of(v.get(0)).filter(s -> !s.isBlank());
    }

    /** A list option, e.g. a command as an argument list; empty when absent. */
    public List<String> list(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** An error about an option, located where it was written. */
    public KeelException invalid(String name, String expected) {
        String origin = origins.getOrDefault(name, "keel.yaml");
        return KeelException.at(ErrorCode.CONFIG_INVALID, Location.of(origin),
                "Snapshot option '" + name + "' must be " + expected + ".",
                "Fix 'snapshot.options." + name + "' (at " + origin + ").");
    }
}
