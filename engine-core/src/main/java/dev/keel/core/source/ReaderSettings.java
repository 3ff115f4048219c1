package dev.keel.core.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link MigrationReader} reads migration files.
 *
 * @param targetDialect  canonical id of the dialect the migrations are read for, e.g. {@code sqlite}
 * @param dialectAliases every accepted dialect name (canonical ids included) mapped to its canonical id;
 *                       keys are matched case-insensitively
 * @param maxFileBytes   files larger than this are refused before they are read
 */
public record ReaderSettings(String targetDialect, Map<String, String> dialectAliases, long maxFileBytes) {

    /** 10 MiB: far above any hand-written migration, low enough that a stray dump is refused. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    private static final Map<String, String> DEFAULT_ALIASES = Map.of(
            "sqlite", "sqlite",
            "sqlite3", "sqlite",
            "postgres", "postgres",
            "postgresql", "postgres",
            "pg", "postgres",
            "mysql", "mysql",
            "mariadb", "mysql");

    public ReaderSettings {
        Objects.requireNonNull(targetDialect, "targetDialect");
        Objects.requireNonNull(dialectAliases, "dialectAliases");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        // File names are matched in lower case, so the keys are stored that way once.
        Map<String, String> lower = new HashMap<>();
        dialectAliases.forEach((alias, canonical) -> lower.put(
                alias.toLowerCase(Locale.ROOT), canonical.toLowerCase(Locale.ROOT)));
        dialectAliases = Map.copyOf(lower);
        String target = targetDialect.toLowerCase(Locale.ROOT);
        targetDialect = dialectAliases.getOrDefault(target, target);
    }

    /** Settings for the three built-in dialect families and their usual aliases, with a 10 MiB file limit. */
    public static ReaderSettings defaults(String targetDialect) {
        return new ReaderSettings(targetDialect, DEFAULT_ALIASES, DEFAULT_MAX_FILE_BYTES);
    }
}
