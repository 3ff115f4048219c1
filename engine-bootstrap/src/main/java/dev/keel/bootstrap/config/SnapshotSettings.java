package dev.keel.bootstrap.config;

import dev.keel.spi.snapshot.SnapshotOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How an environment takes snapshots (SPEC §6, §7): {@code snapshot} in {@code keel.yaml} and the
 * {@code KEEL_SNAPSHOT*} variables.
 *
 * @param strategy         {@value #NONE} or a strategy id ({@code filecopy}, {@code docker}, a plugin's), lower case
 * @param strategyExplicit whether the strategy was configured, rather than the environment's default
 *                         ({@code filecopy} in {@code development}, {@code none} elsewhere)
 * @param always           take a snapshot even when transactions would protect the run
 * @param keep             how many snapshots to keep when pruning; older ones are discarded
 * @param directory        where snapshots are written (absolute)
 * @param options          the strategy's own options, {@code ${env:NAME}} already resolved
 */
public record SnapshotSettings(String strategy, boolean strategyExplicit, boolean always, int keep, Path directory,
        SnapshotOptions options) {

    /** The strategy that takes no snapshots. */
    public static final String NONE = "none";

    public SnapshotSettings {
        strategy = Objects.requireNonNull(strategy, "strategy").toLowerCase(Locale.ROOT);
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0");
        }
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
    }

    /** Whether a strategy is set, that is {@link #strategy} is not {@value #NONE}. */
    public boolean enabled() {
        return !strategy.equals(NONE);
    }

    /** The settings as text safe to print: option names only, since an option may hold a secret. */
    @Override
    public String toString() {
        return "SnapshotSettings[strategy=" + strategy + (strategyExplicit ? "" : " (default)") + ", always=" + always
                + ", keep=" + keep + ", directory=" + directory + ", options=" + new TreeSet<>(options.values().keySet()) + "]";
    }
}
