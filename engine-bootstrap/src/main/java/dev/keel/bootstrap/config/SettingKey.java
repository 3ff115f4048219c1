package dev.keel.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key of {@code keel.yaml} (SPEC §10), with the {@code KEEL_*} environment variable
 * that overrides it. Environment sections ({@code environments.<name>}) accept the same keys.
 */
public enum SettingKey {
    URL("url"),
    USER("user"),
    PASSWORD("password"),
    MIGRATIONS("migrations"),
    ENVIRONMENT("environment"),
    HISTORY_TABLE("historyTable"),
    LOCK_TIMEOUT("lockTimeout"),
    OUT_OF_ORDER("outOfOrder"),
    MAX_FILE_BYTES("maxFileBytes"),
    PLUGINS("plugins"),
    WORK_DIRECTORY("workDirectory"),
    NEW_MIGRATION_STYLE("newMigrationStyle");

    private final String yamlName;

    SettingKey(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The key as written in {@code keel.yaml}. */
    public String yamlName() {
        return yamlName;
    }

    /** The environment variable that overrides it, e.g. {@code KEEL_HISTORY_TABLE}. */
    public String environmentVariable() {
        return "KEEL_" + (this == ENVIRONMENT ? "ENV" : name());
    }

    /** Finds a key by its YAML name. */
    public static Optional<SettingKey> byYamlName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    /** All YAML names, for error messages. */
    public static String yamlNames() {
        return String.join(", ", Arrays.stream(values()).map(SettingKey::yamlName).toList()) + ", environments";
    }

    @Override
    public String toString() {
        return yamlName.toLowerCase(Locale.ROOT);
    }
}
