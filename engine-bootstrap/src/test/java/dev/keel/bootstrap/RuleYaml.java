package dev.keel.bootstrap;

import dev.keel.bootstrap.config.ConfigFileReader;
import dev.keel.bootstrap.config.RuleSettings;
import dev.keel.bootstrap.config.Setting;
import dev.keel.bootstrap.config.SettingKey;
import dev.keel.bootstrap.config.SettingsResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Test support: the {@link RuleSettings} a {@code keel.yaml} text gives one environment, read as Keel reads it. */
final class RuleYaml {

    private RuleYaml() {
    }

    static RuleSettings settings(Path dir, String yaml, String environment) {
        try {
            Path file = Files.writeString(dir.resolve("keel.yaml"), yaml);
            return new SettingsResolver(Map.of(), dir, dir.resolve("no-dockerenv"))
                    .resolve(Optional.of(new ConfigFileReader().read(file)),
                            Map.of(SettingKey.ENVIRONMENT, new Setting("environment", environment, "--env")))
                    .rules();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
