package dev.keel.bootstrap;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Keel#lint} checks. Lint opens no connection.
 *
 * @param files         migration files to lint (relative ones resolve against the configuration's base directory);
 *                      empty for every migration of the configured locations
 * @param dialect       the dialect id or alias ({@code sqlite}, {@code postgres}, {@code mysql}, …); empty for the
 *                      dialect of the configured URL
 * @param targetVersion the server version rules assume (e.g. {@code 15}, {@code 10.11}); empty when unknown
 */
public record LintRequest(List<Path> files, Optional<String> dialect, Optional<String> targetVersion) {

    public LintRequest {
        files = List.copyOf(files);
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(targetVersion, "targetVersion");
    }

    /** Every migration of the configured locations, for the configured URL's dialect, no server version. */
    public static LintRequest configured() {
        return new LintRequest(List.of(), Optional.empty(), Optional.empty());
    }
}
