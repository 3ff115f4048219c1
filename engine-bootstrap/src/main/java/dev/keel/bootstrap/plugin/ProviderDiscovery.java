package dev.keel.bootstrap.plugin;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.dialect.DialectProvider;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.snapshot.SnapshotStrategyProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds providers with {@link ServiceLoader}: on the application's class path, and in each jar of the
 * plugins directory through its own class loader. Collects every problem before failing: duplicate provider
 * ids and duplicate rule ids (naming both sources), {@code keel-} ids claimed by third parties, plugin jars that
 * provide nothing, and jars whose providers cannot be loaded.
 */
public final class ProviderDiscovery {

    private static final String RESERVED_PREFIX = "keel-";

    private final ClassLoader application;
    private final Path pluginsDirectory;

    public ProviderDiscovery(ClassLoader application, Path pluginsDirectory) {
        this.application = application;
        this.pluginsDirectory = pluginsDirectory;
    }

    /** Discovers and checks every provider. */
    public DiscoveredProviders discover() {
        List<Problem> problems = new ArrayList<>();
        List<PluginJar> jars = openPluginJars(problems);
        List<DialectProvider> dialects = new ArrayList<>();
        List<RuleProvider> rules = new ArrayList<>();
        List<SnapshotStrategyProvider> snapshots = new ArrayList<>();
        load(application, null, DialectProvider.class, dialects, problems);
        load(application, null, RuleProvider.class, rules, problems);
        load(application, null, SnapshotStrategyProvider.class, snapshots, problems);
        for (PluginJar jar : jars) {
            int before = dialects.size() + rules.size() + snapshots.size();
            load(jar.loader(), jar, DialectProvider.class, dialects, problems);
            load(jar.loader(), jar, RuleProvider.class, rules, problems);
            load(jar.loader(), jar, SnapshotStrategyProvider.class, snapshots, problems);
            if (dialects.size() + rules.size() + snapshots.size() == before
                    && problems.stream().noneMatch(p -> p.what().contains(jar.path().getFileName().toString()))) {
                problems.add(Problem.at(ErrorCode.PLUGIN_JAR_EMPTY, Location.of(jar.path().toString()),
                        "Plugin jar " + jar.path().getFileName() + " provides no Keel provider.",
                        "List the provider class in META-INF/services/dev.keel.spi.rule.RuleProvider (or the dialect/"
                                + "snapshot service file) inside the jar, or remove the jar from " + pluginsDirectory + "."));
            }
        }
        checkIds(dialects, DialectProvider::id, "dialect", problems);
        checkIds(rules, RuleProvider::id, "rule provider", problems);
        checkIds(snapshots, SnapshotStrategyProvider::id, "snapshot strategy", problems);
        problems.addAll(DuplicateRuleIds.find(rules));
        for (RuleProvider rule : rules) {
            if (rule.id().startsWith(RESERVED_PREFIX) && !rule.getClass().getName().startsWith("dev.keel.")) {
                problems.add(Problem.at(ErrorCode.PROVIDER_RESERVED_ID, Location.of(sourceOf(rule)),
                        "Rule provider " + rule.getClass().getName() + " in " + sourceOf(rule) + " uses the reserved id '"
                                + rule.id() + "' (ids starting with 'keel-' are Keel's own).",
                        "Give the provider an id with your own prefix, e.g. 'acme-" + rule.id().substring(5) + "'."));
            }
        }
        if (!problems.isEmpty()) {
            jars.forEach(ProviderDiscovery::closeQuietly);
            throw new KeelException(problems);
        }
        return new DiscoveredProviders(dialects, rules, snapshots, jars);
    }

    private List<PluginJar> openPluginJars(List<Problem> problems) {
        List<PluginJar> jars = new ArrayList<>();
        if (!Files.isDirectory(pluginsDirectory)) {
            return jars;
        }
        SharedApiClassLoader shared = new SharedApiClassLoader(application);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pluginsDirectory, "*.jar")) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(null);
            for (Path jar : sorted) {
                URL url = jar.toUri().toURL();
                jars.add(new PluginJar(jar, new URLClassLoader("keel-plugin-" + jar.getFileName(), new URL[] {url}, shared)));
            }
        } catch (MalformedURLException e) {
            problems.add(Problem.of(ErrorCode.PLUGIN_LOAD_FAILED, "Cannot open a plugin jar: " + e.getMessage(),
                    "Check the files in " + pluginsDirectory + "."));
        } catch (IOException e) {
            problems.add(Problem.of(ErrorCode.PLUGIN_LOAD_FAILED,
                    "Cannot list plugins directory " + pluginsDirectory + ": " + e.getMessage(), "Make the folder readable."));
        }
        return jars;
    }

    private static <T> void load(ClassLoader loader, PluginJar jar, Class<T> type, List<T> into, List<Problem> problems) {
        try {
            for (T provider : ServiceLoader.load(type, loader)) {
                boolean fromThisJar = jar == null
                        ? !(provider.getClass().getClassLoader() instanceof URLClassLoader u && u.getName() != null
                                && u.getName().startsWith("keel-plugin-"))
                        : provider.getClass().getClassLoader() == jar.loader();
                if (fromThisJar) {
                    into.add(provider);
                }
            }
        } catch (ServiceConfigurationError e) {
            String where = jar == null ? "the classpath" : jar.path().getFileName().toString();
            problems.add(Problem.at(ErrorCode.PLUGIN_LOAD_FAILED, Location.of(jar == null ? "classpath" : jar.path().toString()),
                    "A " + type.getSimpleName() + " listed in " + where + " cannot be loaded: " + e.getMessage(),
                    "Check the class name in META-INF/services/" + type.getName() + " and that the jar holds that class"
                            + " with a public no-argument constructor."));
        }
    }

    private static <T> void checkIds(List<T> providers, Function<T, String> id, String kind, List<Problem> problems) {
        Map<String, T> seen = new HashMap<>();
        for (T provider : providers) {
            T earlier = seen.putIfAbsent(id.apply(provider), provider);
            if (earlier != null) {
                problems.add(Problem.at(ErrorCode.PROVIDER_DUPLICATE_ID, Location.of(sourceOf(provider)),
                        "Two " + kind + "s use the id '" + id.apply(provider) + "': " + earlier.getClass().getName() + " in "
                                + sourceOf(earlier) + " and " + provider.getClass().getName() + " in " + sourceOf(provider) + ".",
                        "Remove one of the two jars, or give one provider another id."));
            }
        }
    }

    /** The jar or folder a provider class came from. */
    static String sourceOf(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "the JDK" : source.getLocation().getPath();
    }

    private static void closeQuietly(PluginJar jar) {
        try {
            jar.loader().close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
