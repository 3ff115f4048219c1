package dev.keel.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Risk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution of {@code snapshot}, {@code confirmAt} and {@code hooks} through every layer. */
class SnapshotAndHookSettingsTest {

    @TempDir
    Path dir;

    private final Map<String, String> variables = new HashMap<>();

    private KeelSettings resolve(String yaml, String environment) throws IOException {
        Path file = dir.resolve("keel.yaml");
        Files.writeString(file, yaml);
        return resolver().resolve(Optional.of(new ConfigFileReader().read(file)), explicitEnvironment(environment));
    }

    private KeelSettings resolveWithoutFile(String environment) {
        return resolver().resolve(Optional.empty(), explicitEnvironment(environment));
    }

    private SettingsResolver resolver() {
        return new SettingsResolver(variables, dir, dir.resolve("no-dockerenv"));
    }

    private static Map<SettingKey, Setting> explicitEnvironment(String environment) {
        return Map.of(SettingKey.ENVIRONMENT, new Setting("environment", environment, "--env"));
    }

    @Test
    void developmentDefaultsToFilecopyAndConfirmsOnlyHighRisk() {
        KeelSettings settings = resolveWithoutFile("development");
        SnapshotSettings snapshot = settings.snapshot();
        assertEquals("filecopy", snapshot.strategy());
        assertFalse(snapshot.strategyExplicit());
        assertTrue(snapshot.enabled());
        assertFalse(snapshot.always());
        assertEquals(3, snapshot.keep());
        assertEquals(dir.resolve(".keel/snapshots"), snapshot.directory());
        assertTrue(snapshot.options().values().isEmpty());
        assertEquals(Risk.HIGH, settings.confirmAt());
        assertEquals(List.of(), settings.postMigrationHooks());
    }

    @Test
    void everyOtherEnvironmentDefaultsToNoSnapshotAndConfirmsFromMedium() {
        for (String environment : List.of("production", "ci", "staging-eu")) {
            KeelSettings settings = resolveWithoutFile(environment);
            assertEquals("none", settings.snapshot().strategy(), environment);
            assertFalse(settings.snapshot().strategyExplicit(), environment);
            assertFalse(settings.snapshot().enabled(), environment);
            assertEquals(Risk.MEDIUM, settings.confirmAt(), environment);
        }
    }

    @Test
    void detectedDevelopmentAlsoDefaultsToFilecopy() throws IOException {
        Path marker = Files.createFile(dir.resolve("dockerenv"));
        KeelSettings settings = new SettingsResolver(variables, dir, marker).resolve(Optional.empty(), Map.of());
        assertEquals("development", settings.environment());
        assertEquals("filecopy", settings.snapshot().strategy());
    }

    @Test
    void shorthandNamesTheStrategyLowerCased() throws IOException {
        SnapshotSettings snapshot = resolve("snapshot: Docker\n", "production").snapshot();
        assertEquals("docker", snapshot.strategy());
        assertTrue(snapshot.strategyExplicit());
        assertEquals(3, snapshot.keep());
    }

    @Test
    void configuredNoneIsExplicit() throws IOException {
        SnapshotSettings snapshot = resolve("snapshot: none\n", "development").snapshot();
        assertEquals("none", snapshot.strategy());
        assertTrue(snapshot.strategyExplicit());
        assertFalse(snapshot.enabled());
    }

    @Test
    void mappingFormSetsEveryKey() throws IOException {
        KeelSettings settings = resolve("""
                workDirectory: var/keel
                snapshot:
                  strategy: filecopy
                  always: yes
                  keep: 0
                  directory: backups/snap
                  options:
                    dataDirectory: /var/lib/mysql
                    stopCommand: [supervisorctl, stop, mysql]
                    startCommand:
                      - supervisorctl
                      - start
                      - mysql
                confirmAt: Low
                hooks:
                  postMigrate:
                    - [npm, run, codegen]
                    - [make, assets]
                """, "production");
        SnapshotSettings snapshot = settings.snapshot();
        assertEquals("filecopy", snapshot.strategy());
        assertTrue(snapshot.strategyExplicit());
        assertTrue(snapshot.always());
        assertEquals(0, snapshot.keep());
        assertEquals(dir.resolve("backups/snap"), snapshot.directory());
        assertEquals(Optional.of("/var/lib/mysql"), snapshot.options().text("dataDirectory"));
        assertEquals(List.of("supervisorctl", "stop", "mysql"), snapshot.options().list("stopCommand"));
        assertEquals(List.of("supervisorctl", "start", "mysql"), snapshot.options().list("startCommand"));
        assertEquals(dir.resolve("keel.yaml") + ":9:18", snapshot.options().origins().get("stopCommand"));
        assertEquals(Risk.LOW, settings.confirmAt());
        assertEquals(List.of(List.of("npm", "run", "codegen"), List.of("make", "assets")), settings.postMigrationHooks());
    }

    @Test
    void defaultDirectoryFollowsTheWorkDirectoryAndAbsoluteDirectoriesStay() throws IOException {
        assertEquals(dir.resolve("var/keel/snapshots"),
                resolve("workDirectory: var/keel\n", "development").snapshot().directory());
        Path elsewhere = dir.resolve("elsewhere").toAbsolutePath();
        assertEquals(elsewhere, resolve("snapshot:\n  directory: " + elsewhere + "\n", "development").snapshot().directory());
    }

    @Test
    void environmentSectionReplacesTopLevelKeyByKey() throws IOException {
        String yaml = """
                snapshot:
                  strategy: filecopy
                  keep: 5
                  always: true
                  options:
                    dataDirectory: /var/lib/postgresql/data
                    stopCommand: [pg_ctl, stop]
                confirmAt: low
                hooks:
                  postMigrate:
                    - [npm, run, codegen]
                environments:
                  development:
                    snapshot: docker
                  ci:
                    snapshot:
                      keep: 1
                      options:
                        container: db
                    hooks:
                      postMigrate: []
                  production:
                    snapshot: none
                    confirmAt: medium
                """;
        KeelSettings development = resolve(yaml, "development");
        assertEquals("docker", development.snapshot().strategy());
        assertEquals(5, development.snapshot().keep());
        assertTrue(development.snapshot().always());
        assertEquals(Optional.of("/var/lib/postgresql/data"), development.snapshot().options().text("dataDirectory"));
        assertEquals(Risk.LOW, development.confirmAt());
        assertEquals(List.of(List.of("npm", "run", "codegen")), development.postMigrationHooks());

        KeelSettings ci = resolve(yaml, "ci");
        assertEquals("filecopy", ci.snapshot().strategy());
        assertEquals(1, ci.snapshot().keep());
        // the section's options replace the top level's as a whole
        assertEquals(Map.of("container", List.of("db")), ci.snapshot().options().values());
        assertEquals(List.of(), ci.postMigrationHooks());

        KeelSettings production = resolve(yaml, "production");
        assertEquals("none", production.snapshot().strategy());
        assertTrue(production.snapshot().strategyExplicit());
        assertEquals(Risk.MEDIUM, production.confirmAt());
        assertEquals(List.of(List.of("npm", "run", "codegen")), production.postMigrationHooks());

        KeelSettings other = resolve(yaml, "staging");
        assertEquals("filecopy", other.snapshot().strategy());
        assertEquals(Risk.LOW, other.confirmAt());
    }

    @Test
    void variablesOverrideTheFile() throws IOException {
        variables.put("KEEL_SNAPSHOT", "DOCKER");
        variables.put("KEEL_SNAPSHOT_ALWAYS", "true");
        variables.put("KEEL_SNAPSHOT_KEEP", "7");
        variables.put("KEEL_SNAPSHOT_DIRECTORY", "snaps");
        variables.put("KEEL_CONFIRM_AT", "high");
        KeelSettings settings = resolve("""
                snapshot:
                  strategy: filecopy
                  always: false
                  keep: 2
                  directory: other
                confirmAt: low
                """, "production");
        SnapshotSettings snapshot = settings.snapshot();
        assertEquals("docker", snapshot.strategy());
        assertTrue(snapshot.strategyExplicit());
        assertTrue(snapshot.always());
        assertEquals(7, snapshot.keep());
        assertEquals(dir.resolve("snaps"), snapshot.directory());
        assertEquals(Risk.HIGH, settings.confirmAt());
    }

    @Test
    void variableAloneMakesTheStrategyExplicitAndAnEmptyOneIsIgnored() {
        variables.put("KEEL_SNAPSHOT", "none");
        assertTrue(resolveWithoutFile("development").snapshot().strategyExplicit());
        variables.put("KEEL_SNAPSHOT", "");
        SnapshotSettings snapshot = resolveWithoutFile("development").snapshot();
        assertEquals("filecopy", snapshot.strategy());
        assertFalse(snapshot.strategyExplicit());
    }

    @Test
    void optionsAndHooksAreInterpolated() throws IOException {
        variables.put("MYSQL_DATA", "/data/mysql");
        variables.put("SERVICE", "mysql");
        variables.put("TARGET", "assets");
        KeelSettings settings = resolve("""
                snapshot:
                  options:
                    dataDirectory: ${env:MYSQL_DATA}
                    stopCommand: [supervisorctl, stop, "${env:SERVICE}"]
                hooks:
                  postMigrate:
                    - [make, "build-${env:TARGET}"]
                """, "development");
        assertEquals(Optional.of("/data/mysql"), settings.snapshot().options().text("dataDirectory"));
        assertEquals(List.of("supervisorctl", "stop", "mysql"), settings.snapshot().options().list("stopCommand"));
        assertEquals(List.of(List.of("make", "build-assets")), settings.postMigrationHooks());
    }

    @Test
    void optionsOfAnotherEnvironmentSectionAreNotInterpolated() throws IOException {
        KeelSettings settings = resolve("""
                environments:
                  staging:
                    snapshot:
                      options:
                        dataDirectory: ${env:UNSET_ON_THIS_MACHINE}
                """, "development");
        assertTrue(settings.snapshot().options().values().isEmpty());
    }

    @Test
    void anUnsetVariableInAnOptionItemIsReportedAtTheItem() throws IOException {
        KeelException e = assertThrows(KeelException.class, () -> resolve("""
                snapshot:
                  options:
                    stopCommand: [supervisorctl, stop, "${env:NO_SUCH_SERVICE}"]
                """, "development"));
        assertEquals(ErrorCode.ENV_VARIABLE_MISSING, e.code());
        assertEquals(3, e.problems().get(0).where().orElseThrow().line());
        assertEquals(40, e.problems().get(0).where().orElseThrow().column());
        assertTrue(e.getMessage().contains("snapshot.options.stopCommand"), e.getMessage());
    }

    @Test
    void anUnsetVariableInAHookIsReportedAtTheArgument() throws IOException {
        KeelException e = assertThrows(KeelException.class, () -> resolve("""
                hooks:
                  postMigrate:
                    - [make, assets]
                    - [notify, "${env:NO_SUCH_CHANNEL}"]
                """, "development"));
        assertEquals(ErrorCode.ENV_VARIABLE_MISSING, e.code());
        assertEquals(4, e.problems().get(0).where().orElseThrow().line());
    }

    @Test
    void settingsTextShowsOptionNamesAndProgramsButNoValues() throws IOException {
        variables.put("SECRET", "s3cr3t");
        String text = resolve("""
                snapshot:
                  options:
                    token: ${env:SECRET}
                hooks:
                  postMigrate:
                    - [deploy, --token, "${env:SECRET}"]
                """, "development").toString();
        assertFalse(text.contains("s3cr3t"), text);
        assertTrue(text.contains("token"), text);
        assertTrue(text.contains("deploy"), text);
        assertTrue(text.contains("confirmAt=high"), text);
    }
}
