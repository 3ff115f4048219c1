package dev.keel.bootstrap.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings written at one level of {@code keel.yaml}: its top level, or one {@code environments.<name>}
 * section. A section's values replace the top level's key by key; {@code snapshot.options} and
 * {@code hooks.postMigrate} are replaced as a whole when the section writes them; {@code rules} merges as
 * {@link RuleSection#overriddenBy} says.
 *
 * @param settings           single-valued keys as written (not yet interpolated)
 * @param snapshotOptions    {@code snapshot.options} by option name, in file order, when written at this level
 * @param postMigrationHooks {@code hooks.postMigrate}, one argument list per hook, when written at this level
 * @param rules              {@code rules}: rule configuration written at this level
 */
public record ConfigSection(
        Map<SettingKey, Setting> settings,
        Optional<Map<String, ListSetting>> snapshotOptions,
        Optional<List<ListSetting>> postMigrationHooks,
        RuleSection rules) {

    public ConfigSection {
        // EnumMap's copy constructor refuses an empty plain map, hence the first branch
        settings = settings.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(settings));
        // file order is kept so that messages and listings follow what the user wrote
        snapshotOptions = snapshotOptions.map(o -> Collections.unmodifiableMap(new LinkedHashMap<>(o)));
        postMigrationHooks = Objects.requireNonNull(postMigrationHooks, "postMigrationHooks").map(List::copyOf);
        Objects.requireNonNull(rules, "rules");
    }

    /** A level that sets nothing. */
    public static ConfigSection empty() {
        return new ConfigSection(Map.of(), Optional.empty(), Optional.empty(), RuleSection.empty());
    }
}
