package dev.keel.bootstrap.config;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.snapshot.SnapshotOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@link KeelSettings} from the layers of SPEC §10: defaults, then {@code keel.yaml} (top level, then
 * the environment's section), then {@code KEEL_*} variables, then explicit values. The environment is chosen
 * first: explicit, {@code KEEL_ENV}, the file's {@code environment:}, then {@code /.dockerenv} present →
 * {@code development}, else {@code production}. The environment also picks the defaults of SPEC §7: {@code development}
 * takes {@code filecopy} snapshots and confirms from {@code high}; every other environment takes none and confirms
 * from {@code medium}.
 */
public final class SettingsResolver {

    /** Defaults documented in docs/configuration.md. */
    public static final String DEFAULT_MIGRATIONS = "db/migrations";
    public static final String DEFAULT_HISTORY_TABLE = "keel_schema_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_ROLLBACK_AGE = Duration.ofHours(24);
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_SNAPSHOT_KEEP = 3;
    /** The strategy of {@code development} when none is configured; every other environment takes none. */
    public static final String DEFAULT_DEVELOPMENT_SNAPSHOT = "filecopy";

    private static final String DEVELOPMENT = "development";
    private static final Pattern STRATEGY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environmentVariables;
    private final Path workingDirectory;
    private final Path dockerMarker;

    /**
     * @param environmentVariables normally {@code System.getenv()}
     * @param workingDirectory     where relative paths resolve when no config file is used
     * @param dockerMarker         the file whose presence means "inside a container" ({@code /.dockerenv})
     */
    public SettingsResolver(Map<String, String> environmentVariables, Path workingDirectory, Path dockerMarker) {
        this.environmentVariables = environmentVariables;
        this.workingDirectory = workingDirectory;
        this.dockerMarker = dockerMarker;
    }

    /** Resolves the settings. */
    public KeelSettings resolve(Optional<ConfigFile> file, Map<SettingKey, Setting> explicit) {
        Map<SettingKey, Setting> fromEnvironment = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String value = environmentVariables.get(key.environmentVariable());
            if (value != null && !value.isEmpty()) {
                fromEnvironment.put(key, new Setting(key.yamlName(), value, key.environmentVariable()));
            }
        }
        String environment = Optional.ofNullable(explicit.get(SettingKey.ENVIRONMENT))
                .or(() -> Optional.ofNullable(fromEnvironment.get(SettingKey.ENVIRONMENT)))
                .map(Setting::value)
                .or(() -> file.flatMap(ConfigFile::environment))
                .orElseGet(() -> Files.exists(dockerMarker) ? DEVELOPMENT : "production");

        ConfigSection top = file.map(ConfigFile::topLevel).orElseGet(ConfigSection::empty);
        ConfigSection section = file.map(f -> f.environments().get(environment)).orElseGet(ConfigSection::empty);
        Map<SettingKey, Setting> merged = new EnumMap<>(SettingKey.class);
        merged.putAll(top.settings());
        merged.putAll(section.settings());
        merged.putAll(fromEnvironment);
        merged.putAll(explicit);
        merged.put(SettingKey.ENVIRONMENT, new Setting("environment", environment, "resolved"));
        // Only the values in use are interpolated, so an unused section may name variables this machine lacks.
        merged.replaceAll((key, setting) -> interpolate(setting));
        // A section's options and hooks replace the top level's as a whole: options of another strategy, or
        // hooks meant for another environment, would make no sense merged.
        Map<String, ListSetting> options = section.snapshotOptions().or(top::snapshotOptions).orElse(Map.of());
        List<ListSetting> hooks = section.postMigrationHooks().or(top::postMigrationHooks).orElse(List.of());

        Path base = file.map(f -> f.path().toAbsolutePath().getParent()).orElse(workingDirectory);
        Path workDirectory = base.resolve(text(merged, SettingKey.WORK_DIRECTORY).orElse(".keel")).normalize();
        boolean development = environment.equals(DEVELOPMENT);
        return new KeelSettings(
                text(merged, SettingKey.URL),
                text(merged, SettingKey.USER),
                text(merged, SettingKey.PASSWORD),
                text(merged, SettingKey.MIGRATIONS)
                        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                        .orElse(List.of(DEFAULT_MIGRATIONS)),
                environment,
                text(merged, SettingKey.HISTORY_TABLE).orElse(DEFAULT_HISTORY_TABLE),
                Optional.ofNullable(merged.get(SettingKey.LOCK_TIMEOUT)).map(SettingsResolver::duration)
                        .orElse(DEFAULT_LOCK_TIMEOUT),
                Optional.ofNullable(merged.get(SettingKey.OUT_OF_ORDER)).map(SettingsResolver::bool).orElse(false),
                Optional.ofNullable(merged.get(SettingKey.MAX_FILE_BYTES)).map(SettingsResolver::size)
                        .orElse(DEFAULT_MAX_FILE_BYTES),
                base.resolve(text(merged, SettingKey.PLUGINS).orElse("plugins")).normalize(),
                workDirectory,
                Optional.ofNullable(merged.get(SettingKey.NEW_MIGRATION_STYLE)).map(SettingsResolver::style)
                        .orElse("sequence"),
                base,
                snapshot(merged, options, development, base, workDirectory),
                present(merged, SettingKey.CONFIRM_AT).map(SettingsResolver::risk)
                        .orElse(development ? Risk.HIGH : Risk.MEDIUM),
                hooks.stream().map(hook -> interpolate(hook).values()).toList(),
                Optional.ofNullable(merged.get(SettingKey.MAX_ROLLBACK_AGE)).map(SettingsResolver::duration)
                        .orElse(DEFAULT_MAX_ROLLBACK_AGE),
                rules(top.rules().overriddenBy(section.rules())));
    }

    /** The rule configuration in use, interpolated, with every severity and risk checked. */
    private RuleSettings rules(RuleSection written) {
        Map<String, Setting> severities = new LinkedHashMap<>();
        written.severity().forEach((rule, setting) -> {
            Setting value = interpolate(setting);
            severity(value);
            severities.put(rule, value);
        });
        Map<String, Setting> risks = new LinkedHashMap<>();
        written.risk().forEach((rule, setting) -> {
            Setting value = interpolate(setting);
            risk(value);
            risks.put(rule, value);
        });
        Map<String, Map<String, Setting>> options = new LinkedHashMap<>();
        written.options().forEach((rule, values) -> {
            Map<String, Setting> interpolated = new LinkedHashMap<>();
            values.forEach((name, setting) -> interpolated.put(name, interpolate(setting)));
            options.put(rule, interpolated);
        });
        return new RuleSettings(written.disable().orElse(List.of()).stream().map(this::interpolate).toList(),
                severities, risks, options, written.packs().orElse(List.of()).stream().map(this::interpolate).toList(),
                written.fix().orElse(List.of()).stream().map(this::interpolate).toList());
    }

    private SnapshotSettings snapshot(Map<SettingKey, Setting> merged, Map<String, ListSetting> written,
            boolean development, Path base, Path workDirectory) {
        Optional<Setting> configured = present(merged, SettingKey.SNAPSHOT_STRATEGY);
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        written.forEach((name, option) -> {
            values.put(name, interpolate(option).values());
            origins.put(name, option.origin());
        });
        return new SnapshotSettings(
                configured.map(SettingsResolver::strategy)
                        .orElse(development ? DEFAULT_DEVELOPMENT_SNAPSHOT : SnapshotSettings.NONE),
                configured.isPresent(),
                present(merged, SettingKey.SNAPSHOT_ALWAYS).map(SettingsResolver::bool).orElse(false),
                present(merged, SettingKey.SNAPSHOT_KEEP).map(SettingsResolver::keep).orElse(DEFAULT_SNAPSHOT_KEEP),
                text(merged, SettingKey.SNAPSHOT_DIRECTORY).map(d -> base.resolve(d).normalize())
                        .orElse(workDirectory.resolve("snapshots")),
                new SnapshotOptions(values, origins));
    }

    private ListSetting interpolate(ListSetting list) {
        return new ListSetting(list.key(), list.items().stream().map(this::interpolate).toList(), list.origin());
    }

    private Setting interpolate(Setting setting) {
        Matcher m = ENV_REFERENCE.matcher(setting.value());
        if (!m.find()) {
            return setting;
        }
        StringBuilder out = new StringBuilder();
        do {
            String name = m.group(1);
            String replacement = environmentVariables.get(name);
            if (replacement == null) {
                throw KeelException.at(ErrorCode.ENV_VARIABLE_MISSING, setting.location(),
                        "'" + setting.key() + "' refers to environment variable " + name + ", which is not set.",
                        "Set " + name + " before running Keel, or write the value itself.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return new Setting(setting.key(), out.toString(), setting.origin());
    }

    private static Optional<String> text(Map<SettingKey, Setting> merged, SettingKey key) {
        return present(merged, key).map(Setting::value);
    }

    /** The setting when it has a value: a blank one (e.g. an empty variable's) counts as not set. */
    private static Optional<Setting> present(Map<SettingKey, Setting> merged, SettingKey key) {
        return Optional.ofNullable(merged.get(key)).filter(s -> !s.value().isBlank());
    }

    /** Parses {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms}, a plain number of seconds, or ISO-8601 {@code PT30S}. */
    static Duration duration(Setting setting) {
        String v = setting.value().trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            char unit = v.charAt(v.length() - 1);
            String number = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1).trim();
            long n = Long.parseLong(number);
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException(v);
                    }
                    yield Duration.ofSeconds(n);
                }
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw invalid(setting, "a duration such as 30s, 5m, 1h or 500ms");
        }
    }

    private static boolean bool(Setting setting) {
        return switch (setting.value().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(setting, "true or false");
        };
    }

    private static long size(Setting setting) {
        String v = setting.value().trim().toUpperCase(Locale.ROOT);
        long factor = 1;
        if (v.endsWith("KB") || v.endsWith("MB") || v.endsWith("GB")) {
            factor = switch (v.charAt(v.length() - 2)) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            v = v.substring(0, v.length() - 2).trim();
        }
        try {
            long n = Long.parseLong(v) * factor;
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(setting, "a size in bytes, or with KB, MB or GB");
        }
    }

    private static String strategy(Setting setting) {
        String v = setting.value().trim().toLowerCase(Locale.ROOT);
        if (!STRATEGY_ID.matcher(v).matches()) {
            throw invalid(setting, "'none' or a snapshot strategy id such as filecopy or docker");
        }
        return v;
    }

    private static int keep(Setting setting) {
        try {
            int n = Integer.parseInt(setting.value().trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(setting, "a whole number of snapshots, 0 or more");
        }
    }

    private static Risk risk(Setting setting) {
        try {
            return Risk.parse(setting.value());
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "low, medium or high");
        }
    }

    private static Severity severity(Setting setting) {
        try {
            return Severity.parse(setting.value());
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "error, warning or info");
        }
    }

    private static String style(Setting setting) {
        String v = setting.value().trim().toLowerCase(Locale.ROOT);
        if (!v.equals("sequence") && !v.equals("timestamp")) {
            throw invalid(setting, "'sequence' or 'timestamp'");
        }
        return v;
    }

    private static KeelException invalid(Setting setting, String expected) {
        return KeelException.at(ErrorCode.CONFIG_INVALID, setting.location(),
                "'" + setting.key() + "' is '" + setting.value() + "', which is not " + expected + ".",
                "Set '" + setting.key() + "' to " + expected + " (at " + setting.origin() + ").");
    }
}
