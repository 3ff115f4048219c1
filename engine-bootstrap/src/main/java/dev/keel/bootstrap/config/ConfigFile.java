package dev.keel.bootstrap.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code keel.yaml}: its top-level settings and one section per environment.
 *
 * @param path         the file
 * @param topLevel     top-level settings
 * @param environments settings per environment name
 */
public record ConfigFile(Path path, ConfigSection topLevel, Map<String, ConfigSection> environments) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(topLevel, "topLevel");
        environments = Map.copyOf(environments);
    }

    /** The file's own choice of environment ({@code environment:}), when it makes one. */
    public Optional<String> environment() {
        return Optional.ofNullable(topLevel.settings().get(SettingKey.ENVIRONMENT)).map(Setting::value);
    }
}
