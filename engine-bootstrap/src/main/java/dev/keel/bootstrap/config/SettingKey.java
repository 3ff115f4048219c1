package dev.keel.bootstrap.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every single-valued configuration key of {@code keel.yaml} (SPEC §10), with the {@code KEEL_*} environment
 * variable that overrides it. Keys inside a {@code keel.yaml} mapping are named with a dot ({@code snapshot.keep}
 * is {@code keep:} under {@code snapshot:}). Environment sections ({@code environments.<name>}) accept the same
 * keys. The list-valued {@code snapshot.options} and {@code hooks.postMigrate}, and the {@code rules} mapping, have no
 * variable and no entry here.
 */
public enum SettingKey {
    URL("url", "KEEL_URL"),
    USER("user", "KEEL_USER"),
    PASSWORD("password", "KEEL_PASSWORD"),
    MIGRATIONS("migrations", "KEEL_MIGRATIONS"),
    ENVIRONMENT("environment", "KEEL_ENV"),
    HISTORY_TABLE("historyTable", "KEEL_HISTORY_TABLE"),
    LOCK_TIMEOUT("lockTimeout", "KEEL_LOCK_TIMEOUT"),
    OUT_OF_ORDER("outOfOrder", "KEEL_OUT_OF_ORDER"),
    MAX_FILE_BYTES("maxFileBytes", "KEEL_MAX_FILE_BYTES"),
    PLUGINS("plugins", "KEEL_PLUGINS"),
    WORK_DIRECTORY("workDirectory", "KEEL_WORK_DIRECTORY"),
    NEW_MIGRATION_STYLE("newMigrationStyle", "KEEL_NEW_MIGRATION_STYLE"),
    SNAPSHOT_STRATEGY("snapshot.strategy", "KEEL_SNAPSHOT"),
    SNAPSHOT_ALWAYS("snapshot.always", "KEEL_SNAPSHOT_ALWAYS"),
    SNAPSHOT_KEEP("snapshot.keep", "KEEL_SNAPSHOT_KEEP"),
    SNAPSHOT_DIRECTORY("snapshot.directory", "KEEL_SNAPSHOT_DIRECTORY"),
    CONFIRM_AT("confirmAt", "KEEL_CONFIRM_AT"),
    MAX_ROLLBACK_AGE("maxRollbackAge", "KEEL_MAX_ROLLBACK_AGE");

    /** The mapping that holds the {@code snapshot.*} keys. */
    static final String SNAPSHOT = "snapshot";
    /** The key under {@code snapshot:} that holds the strategy's own options. */
    static final String SNAPSHOT_OPTIONS = "options";
    /** The mapping that holds the hooks. */
    static final String HOOKS = "hooks";
    /** The mapping that holds the rule configuration ({@link RuleSection}). */
    static final String RULES = "rules";
    /** The key under {@code hooks:} for the commands run after a migration. */
    static final String POST_MIGRATE = "postMigrate";

    private final String yamlName;
    private final String environmentVariable;

    SettingKey(String yamlName, String environmentVariable) {
        this.yamlName = yamlName;
        this.environmentVariable = environmentVariable;
    }

    /** The key as written in {@code keel.yaml}, with a dot for a key inside a mapping ({@code snapshot.keep}). */
    public String yamlName() {
        return yamlName;
    }

    /** The environment variable that overrides it, e.g. {@code KEEL_HISTORY_TABLE}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** Finds a key by its YAML name ({@code url}, {@code snapshot.keep}). */
    public static Optional<SettingKey> byYamlName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    /** The keys allowed at the top level of the file and of an environment section, for error messages. */
    public static String yamlNames() {
        Set<String> names = new LinkedHashSet<>();
        for (SettingKey key : values()) {
            int dot = key.yamlName.indexOf('.');
            names.add(dot < 0 ? key.yamlName : key.yamlName.substring(0, dot));
        }
        names.add(HOOKS);
        names.add(RULES);
        return String.join(", ", names) + ", environments";
    }

    /** The keys allowed inside the {@code snapshot:} mapping, for error messages. */
    static String snapshotKeyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (SettingKey key : values()) {
            if (key.yamlName.startsWith(SNAPSHOT + ".")) {
                names.add(key.yamlName.substring(SNAPSHOT.length() + 1));
            }
        }
        names.add(SNAPSHOT_OPTIONS);
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return yamlName.toLowerCase(Locale.ROOT);
    }
}
