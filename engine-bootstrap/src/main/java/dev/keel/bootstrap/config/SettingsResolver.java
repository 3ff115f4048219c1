package dev.keel.bootstrap.config;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
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
 * {@code development}, else {@code production}.
 */
public final class SettingsResolver {

    /** Defaults documented in docs/configuration.md. */
    public static final String DEFAULT_MIGRATIONS = "db/migrations";
    public static final String DEFAULT_HISTORY_TABLE = "keel_schema_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

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
                .orElseGet(() -> Files.exists(dockerMarker) ? "development" : "production");

        Map<SettingKey, Setting> merged = new EnumMap<>(SettingKey.class);
        file.ifPresent(f -> {
            merged.putAll(f.settings());
            Map<SettingKey, Setting> section = f.environments().get(environment);
            if (section != null) {
                merged.putAll(section);
            }
        });
        merged.putAll(fromEnvironment);
        merged.putAll(explicit);
        merged.put(SettingKey.ENVIRONMENT, new Setting("environment", environment, "resolved"));
        // Only the values in use are interpolated, so an unused section may name variables this machine lacks.
        merged.replaceAll((key, setting) -> interpolate(setting));

        Path base = file.map(f -> f.path().toAbsolutePath().getParent()).orElse(workingDirectory);
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
                base.resolve(text(merged, SettingKey.WORK_DIRECTORY).orElse(".keel")).normalize(),
                Optional.ofNullable(merged.get(SettingKey.NEW_MIGRATION_STYLE)).map(SettingsResolver::style)
                        .orElse("sequence"),
                base);
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
                throw KeelException.at(ErrorCode.ENV_VARIABLE_MISSING, parseOrigin(setting.origin()),
                        "'" + setting.key() + "' refers to environment variable " + name + ", which is not set.",
                        "Set " + name + " before running Keel, or write the value itself.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return new Setting(setting.key(), out.toString(), setting.origin());
    }

    private static Optional<String> text(Map<SettingKey, Setting> merged, SettingKey key) {
        return Optional.ofNullable(merged.get(key)).map(Setting::value).filter(v -> !v.isBlank());
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

    private static String style(Setting setting) {
        String v = setting.value().trim().toLowerCase(Locale.ROOT);
        if (!v.equals("sequence") && !v.equals("timestamp")) {
            throw invalid(setting, "'sequence' or 'timestamp'");
        }
        return v;
    }

    private static KeelException invalid(Setting setting, String expected) {
        return KeelException.at(ErrorCode.CONFIG_INVALID, parseOrigin(setting.origin()),
                "'" + setting.key() + "' is '" + setting.value() + "', which is not " + expected + ".",
                "Set '" + setting.key() + "' to " + expected + " (at " + setting.origin() + ").");
    }

    private static Location parseOrigin(String origin) {
        String[] parts = origin.split(":");
        try {
            if (parts.length >= 3) {
                return new Location(String.join(":", Arrays.copyOf(parts, parts.length - 2)),
                        Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
            }
        } catch (NumberFormatException ignored) {
            // not a file position: a variable or flag name
        }
        return Location.of(origin);
    }
}
