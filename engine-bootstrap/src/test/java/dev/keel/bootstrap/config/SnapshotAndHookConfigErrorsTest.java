package dev.keel.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in {@code snapshot}, {@code confirmAt} and {@code hooks} is reported with its code and place. */
class SnapshotAndHookConfigErrorsTest {

    @TempDir
    Path dir;

    private final Map<String, String> variables = new HashMap<>();

    private Problem problem(String yaml) throws IOException {
        Path file = dir.resolve("keel.yaml");
        Files.writeString(file, yaml);
        KeelException e = assertThrows(KeelException.class, () -> new SettingsResolver(variables, dir, dir.resolve("none"))
                .resolve(Optional.of(new ConfigFileReader().read(file)),
                        Map.of(SettingKey.ENVIRONMENT, new Setting("environment", "development", "--env"))));
        assertEquals(1, e.problems().size());
        return e.problems().get(0);
    }

    private static void assertAt(Problem problem, ErrorCode code, int line, int column) {
        assertEquals(code, problem.code(), problem.summary());
        Location where = problem.where().orElseThrow();
        assertTrue(where.file().endsWith("keel.yaml"), where.toString());
        assertEquals(line, where.line(), problem.summary());
        assertEquals(column, where.column(), problem.summary());
    }

    @Test
    void unknownKeyInSnapshotNamesTheKnownOnes() throws IOException {
        Problem p = problem("""
                url: jdbc:sqlite:app.db
                snapshot:
                  strategy: filecopy
                  retain: 3
                """);
        assertAt(p, ErrorCode.CONFIG_UNKNOWN_KEY, 4, 3);
        assertTrue(p.what().contains("'snapshot.retain'"), p.what());
        assertTrue(p.fix().contains("strategy, always, keep, directory, options"), p.fix());
    }

    @Test
    void unknownKeyInAnEnvironmentsSnapshotNamesTheSection() throws IOException {
        Problem p = problem("""
                environments:
                  production:
                    snapshot:
                      stratgy: none
                """);
        assertAt(p, ErrorCode.CONFIG_UNKNOWN_KEY, 4, 7);
        assertTrue(p.what().contains("'environments.production.snapshot.stratgy'"), p.what());
    }

    @Test
    void unknownKeyInHooksNamesTheKnownOnes() throws IOException {
        Problem p = problem("""
                hooks:
                  postMigrate:
                    - [make]
                  preMigrate:
                    - [make]
                """);
        assertAt(p, ErrorCode.CONFIG_UNKNOWN_KEY, 4, 3);
        assertTrue(p.what().contains("'hooks.preMigrate'"), p.what());
        assertTrue(p.fix().contains("postMigrate"), p.fix());
    }

    @Test
    void dottedKeysAreNotAShortcutForNesting() throws IOException {
        Problem p = problem("snapshot.keep: 3\n");
        assertAt(p, ErrorCode.CONFIG_UNKNOWN_KEY, 1, 1);
        assertTrue(p.fix().contains("snapshot, confirmAt, maxRollbackAge, hooks, rules, environments"), p.fix());
    }

    @Test
    void aHookWrittenAsOneStringIsRefusedWithAnArgumentListToWrite() throws IOException {
        Problem p = problem("""
                hooks:
                  postMigrate:
                    - [make, assets]
                    - npm run codegen
                """);
        assertAt(p, ErrorCode.CONFIG_INVALID, 4, 7);
        assertTrue(p.what().contains("single string 'npm run codegen'"), p.what());
        assertTrue(p.fix().contains("- [npm, run, codegen]"), p.fix());
        assertTrue(p.fix().contains("never runs a shell"), p.fix());
    }

    @Test
    void hooksMustBeAListOfArgumentLists() throws IOException {
        assertAt(problem("hooks:\n  postMigrate: make assets\n"), ErrorCode.CONFIG_INVALID, 2, 16);
        assertAt(problem("hooks:\n  postMigrate:\n    - []\n"), ErrorCode.CONFIG_INVALID, 3, 7);
        assertAt(problem("hooks:\n  postMigrate:\n    - [make, [a, b]]\n"), ErrorCode.CONFIG_INVALID, 3, 14);
        assertAt(problem("hooks:\n  postMigrate:\n    - ['', x]\n"), ErrorCode.CONFIG_INVALID, 3, 8);
        assertAt(problem("hooks: [make]\n"), ErrorCode.CONFIG_INVALID, 1, 8);
    }

    @Test
    void snapshotMustBeANameOrAMapping() throws IOException {
        assertAt(problem("snapshot: [filecopy]\n"), ErrorCode.CONFIG_INVALID, 1, 11);
        assertAt(problem("snapshot:\n  keep: [3]\n"), ErrorCode.CONFIG_INVALID, 2, 9);
    }

    @Test
    void optionsMustBeValuesOrListsOfValues() throws IOException {
        assertAt(problem("snapshot:\n  options: [a]\n"), ErrorCode.CONFIG_INVALID, 2, 12);
        assertAt(problem("snapshot:\n  options:\n    stopCommand:\n      cmd: x\n"), ErrorCode.CONFIG_INVALID, 4, 7);
        assertAt(problem("snapshot:\n  options:\n    stopCommand: [a, [b]]\n"), ErrorCode.CONFIG_INVALID, 3, 22);
    }

    @Test
    void badKeepIsReportedAtItsValue() throws IOException {
        Problem p = problem("snapshot:\n  keep: -1\n");
        assertAt(p, ErrorCode.CONFIG_INVALID, 2, 9);
        assertTrue(p.what().contains("'snapshot.keep' is '-1'"), p.what());
        assertAt(problem("snapshot:\n  keep: three\n"), ErrorCode.CONFIG_INVALID, 2, 9);
    }

    @Test
    void badAlwaysIsReportedAtItsValue() throws IOException {
        Problem p = problem("environments:\n  development:\n    snapshot:\n      always: sometimes\n");
        assertAt(p, ErrorCode.CONFIG_INVALID, 4, 15);
        assertTrue(p.fix().contains("true or false"), p.fix());
    }

    @Test
    void badConfirmAtIsReportedAtItsValue() throws IOException {
        Problem p = problem("url: jdbc:sqlite:a.db\nconfirmAt: critical\n");
        assertAt(p, ErrorCode.CONFIG_INVALID, 2, 12);
        assertTrue(p.fix().contains("low, medium or high"), p.fix());
    }

    @Test
    void badStrategyIdIsReportedAtItsValue() throws IOException {
        assertAt(problem("snapshot: file copy\n"), ErrorCode.CONFIG_INVALID, 1, 11);
    }

    @Test
    void badVariablesAreReportedByName() {
        variables.put("KEEL_SNAPSHOT_KEEP", "many");
        variables.put("KEEL_CONFIRM_AT", "always");
        KeelException e = assertThrows(KeelException.class, () -> new SettingsResolver(variables, dir, dir.resolve("none"))
                .resolve(Optional.empty(), Map.of()));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("KEEL_"), e.getMessage());
        variables.remove("KEEL_SNAPSHOT_KEEP");
        KeelException confirm = assertThrows(KeelException.class, () -> new SettingsResolver(variables, dir, dir.resolve("none"))
                .resolve(Optional.empty(), Map.of()));
        assertEquals("KEEL_CONFIRM_AT", confirm.problems().get(0).where().orElseThrow().file());
    }
}
