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
 * @param useCache      whether results cached by script checksum under the work directory may be reused (and new
 *                      ones stored); {@code false} lints every file afresh and writes nothing ({@code --no-cache})
 */
public record LintRequest(List<Path> files, Optional<String> dialect, Optional<String> targetVersion,
        boolean useCache) {

    public LintRequest {
        files = List.copyOf(files);
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(targetVersion, "targetVersion");
    }

    /** A request that uses the lint cache. */
    public LintRequest(List<Path> files, Optional<String> dialect, Optional<String> targetVersion) {
        this(files, dialect, targetVersion, true);
    }

    /** Every migration of the configured locations, for the configured URL's dialect, no server version. */
    public static LintRequest configured() {
        return new LintRequest(List.of(), Optional.empty(), Optional.empty());
    }

    /** This request without the lint cache. */
    public LintRequest withoutCache() {
        return new LintRequest(files, dialect, targetVersion, false);
    }
}
