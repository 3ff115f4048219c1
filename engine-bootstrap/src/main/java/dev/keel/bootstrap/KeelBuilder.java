package dev.keel.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.keel.bootstrap.config.ConfigFile;
import dev.keel.bootstrap.config.ConfigFileReader;
import dev.keel.bootstrap.config.KeelSettings;
import dev.keel.bootstrap.config.Setting;
import dev.keel.bootstrap.config.SettingKey;
import dev.keel.bootstrap.config.SettingsResolver;
import dev.keel.bootstrap.plugin.DiscoveredProviders;
import dev.keel.bootstrap.plugin.ProviderDiscovery;
import dev.keel.spi.event.KeelListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Configures a {@link Keel}. Values set here win over {@code KEEL_*} variables (only read when
 * {@link #environmentVariables} is given) and over a {@code keel.yaml} (only read when {@link #configFile} or
 * {@link #configFileIfPresent} is called), so an embedding program is never surprised by its surroundings.
 */
public final class KeelBuilder {

    private final Map<SettingKey, Setting> explicit = new EnumMap<>(SettingKey.class);
    private final EventFanOut events = new EventFanOut();
    private Optional<DataSource> dataSource = Optional.empty();
    private Optional<Path> configFile = Optional.empty();
    private boolean configFileRequired;
    private Map<String, String> environmentVariables = Map.of();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private Path dockerMarker = Path.of("/.dockerenv");
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader()
            : KeelBuilder.class.getClassLoader();

    KeelBuilder() {
    }

    /** The JDBC URL of the database. */
    public KeelBuilder url(String url) {
        return set(SettingKey.URL, url, "url(…)");
    }

    /** A data source to take connections from instead of a URL; Keel does not close it. */
    public KeelBuilder dataSource(DataSource dataSource) {
        this.dataSource = Optional.of(Objects.requireNonNull(dataSource, "dataSource"));
        return this;
    }

    /** The database user. */
    public KeelBuilder user(String user) {
        return set(SettingKey.USER, user, "user(…)");
    }

    /** The database password; it is never printed or logged. */
    public KeelBuilder password(String password) {
        return set(SettingKey.PASSWORD, password, "password(…)");
    }

    /** Migration locations: directories or {@code classpath:} folders. */
    public KeelBuilder migrations(String... locations) {
        return set(SettingKey.MIGRATIONS, String.join(",", List.of(locations)), "migrations(…)");
    }

    /** The environment name ({@code development}, {@code production}, …). */
    public KeelBuilder environment(String environment) {
        return set(SettingKey.ENVIRONMENT, environment, "environment(…)");
    }

    /** The history table name (default {@code keel_schema_history}). */
    public KeelBuilder historyTable(String table) {
        return set(SettingKey.HISTORY_TABLE, table, "historyTable(…)");
    }

    /** How long to wait for another run's migration lock. */
    public KeelBuilder lockTimeout(Duration timeout) {
        return set(SettingKey.LOCK_TIMEOUT, timeout.toMillis() + "ms", "lockTimeout(…)");
    }

    /** Whether pending versions older than the newest applied one may run. */
    public KeelBuilder outOfOrder(boolean allowed) {
        return set(SettingKey.OUT_OF_ORDER, Boolean.toString(allowed), "outOfOrder(…)");
    }

    /** The folder of plugin jars (default {@code plugins}). */
    public KeelBuilder pluginsDirectory(Path directory) {
        return set(SettingKey.PLUGINS, directory.toString(), "pluginsDirectory(…)");
    }

    /** Keel's local folder for its journal, audit log and maintenance flag (default {@code .keel}). */
    public KeelBuilder workDirectory(Path directory) {
        return set(SettingKey.WORK_DIRECTORY, directory.toString(), "workDirectory(…)");
    }

    /** Sets any setting by its {@code keel.yaml} key; {@code origin} names where the value came from (e.g. a flag). */
    public KeelBuilder set(SettingKey key, String value, String origin) {
        explicit.put(key, new Setting(key.yamlName(), Objects.requireNonNull(value, key.yamlName()), origin));
        return this;
    }

    /** Reads this {@code keel.yaml}; it must exist. */
    public KeelBuilder configFile(Path file) {
        this.configFile = Optional.of(file);
        this.configFileRequired = true;
        return this;
    }

    /** Reads this {@code keel.yaml} when it exists. */
    public KeelBuilder configFileIfPresent(Path file) {
        this.configFile = Optional.of(file);
        this.configFileRequired = false;
        return this;
    }

    /** Reads {@code KEEL_*} overrides and {@code ${env:NAME}} values from these variables (e.g. {@code System.getenv()}). */
    public KeelBuilder environmentVariables(Map<String, String> variables) {
        this.environmentVariables = Map.copyOf(variables);
        return this;
    }

    /** Where relative paths resolve when no config file is read (default: the process's working directory). */
    public KeelBuilder workingDirectory(Path directory) {
        this.workingDirectory = directory.toAbsolutePath();
        return this;
    }

    /** The file whose presence means "running in a container" for environment detection (default {@code /.dockerenv}). */
    public KeelBuilder dockerMarker(Path marker) {
        this.dockerMarker = marker;
        return this;
    }

    /** The class loader for {@code classpath:} migrations and provider discovery. */
    public KeelBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /** Receives every engine event. */
    public KeelBuilder listener(KeelListener listener) {
        events.add(listener);
        return this;
    }

    /**
     * Reads configuration, discovers providers and plugins, and wires the engine.
     *
     * @throws dev.keel.spi.KeelException for invalid configuration (rule ids, packs and parameters in {@code rules:}
     *         included) or plugins
     */
    public Keel build() {
        Optional<ConfigFile> file = configFile
                .filter(path -> configFileRequired || Files.exists(path))
                .map(path -> new ConfigFileReader().read(path));
        KeelSettings settings = new SettingsResolver(environmentVariables, workingDirectory, dockerMarker)
                .resolve(file, explicit);
        DiscoveredProviders providers = new ProviderDiscovery(classLoader, settings.pluginsDirectory()).discover();
        // Checked now, so a mistake in rules: stops every command, not only those that lint.
        ConfiguredRules.of(providers.rules(), settings.rules());
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                new KeelModule(settings, providers, new ConnectionTarget(dataSource), events, classLoader));
        return new Keel(injector.getInstance(Engine.class), events);
    }
}
