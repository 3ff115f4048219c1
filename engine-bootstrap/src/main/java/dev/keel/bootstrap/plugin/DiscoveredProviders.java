package dev.keel.bootstrap.plugin;

import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.snapshot.SnapshotStrategyProvider;
import java.util.List;

/** Every provider found on the classpath and in plugin jars, checked for duplicate and reserved ids. */
public record DiscoveredProviders(
        List<DialectProvider> dialects,
        List<RuleProvider> rules,
        List<SnapshotStrategyProvider> snapshotStrategies,
        List<PluginJar> pluginJars) {

    public DiscoveredProviders {
        dialects = List.copyOf(dialects);
        rules = List.copyOf(rules);
        snapshotStrategies = List.copyOf(snapshotStrategies);
        pluginJars = List.copyOf(pluginJars);
    }
}
