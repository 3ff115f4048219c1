package dev.keel.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules:} in keel.yaml: shape, values, and how an environment's section is written over the top level. */
class RuleSettingsTest {

    private static final String FILE = """
            rules:
              disable: [drop-table]
              severity: { rename-column: error, drop-column: warning }
              options:
                max-identifier-length: { max: "${env:MAX_ID}" }
            environments:
              ci:
                rules:
                  disable: rename-table
                  severity: { drop-column: info }
                  risk: { rename-column: low }
                  packs: [naming]
            """;

    @TempDir
    Path dir;

    private RuleSettings resolve(String yaml, Map<String, String> variables) throws IOException {
        Path file = Files.writeString(dir.resolve("keel.yaml"), yaml);
        return new SettingsResolver(variables, dir, dir.resolve("no-dockerenv"))
                .resolve(Optional.of(new ConfigFileReader().read(file)), Map.of())
                .rules();
    }

    private Problem problem(String yaml) {
        KeelException e = assertThrows(KeelException.class, () -> resolve(yaml, Map.of("KEEL_ENV", "dev")));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        return e.problems().get(0);
    }

    private static int line(Problem problem) {
        return problem.where().map(Location::line).orElse(0);
    }

    @Test
    void theTopLevelAppliesWhereTheEnvironmentHasNoSection() throws IOException {
        RuleSettings rules = resolve(FILE, Map.of("KEEL_ENV", "production", "MAX_ID", "40"));
        assertTrue(rules.disables("drop-table"));
        assertEquals(Optional.of(Severity.ERROR), rules.severity("rename-column"));
        assertEquals(Map.of("max", "40"), rules.optionValues("max-identifier-length"), "values may use ${env:NAME}");
        assertEquals(Set.of(), rules.packNames());
        assertEquals(List.of("keel.yaml:2:13"), rules.disabled().stream()
                .map(s -> s.origin().substring(s.origin().lastIndexOf('/') + 1)).toList());
    }

    @Test
    void keelEnvSelectsTheSectionWhoseListsReplaceAndWhoseLevelsMergeRuleByRule() throws IOException {
        RuleSettings rules = resolve(FILE, Map.of("KEEL_ENV", "ci", "MAX_ID", "40"));
        assertTrue(rules.disables("rename-table"), "a single name is a list of one");
        assertTrue(!rules.disables("drop-table"), "the section's disable replaces the top level's");
        assertEquals(Optional.of(Severity.ERROR), rules.severity("rename-column"));
        assertEquals(Optional.of(Severity.INFO), rules.severity("drop-column"));
        assertEquals(Optional.of(Risk.LOW), rules.risk("rename-column"));
        assertEquals(Set.of("naming"), rules.packNames());
        assertEquals("environments.ci.rules.severity.drop-column", rules.severities().get("drop-column").key());
    }

    @Test
    void aBadSeverityIsReportedAtItsPlace() {
        Problem p = problem("rules:\n  severity:\n    drop-table: fatal\n");
        assertEquals(ErrorCode.CONFIG_INVALID, p.code());
        assertEquals(3, line(p));
        assertTrue(p.what().contains("'rules.severity.drop-table' is 'fatal', which is not error, warning or info"),
                p.what());
    }

    @Test
    void aBadRiskIsReportedAtItsPlace() {
        Problem p = problem("rules:\n  risk: { drop-table: huge }\n");
        assertEquals(ErrorCode.CONFIG_INVALID, p.code());
        assertTrue(p.what().contains("low, medium or high"), p.what());
    }

    @Test
    void anUnknownKeyUnderRulesNamesTheKnownOnes() {
        Problem p = problem("environments:\n  ci:\n    rules:\n      disabled: [drop-table]\n");
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, p.code());
        assertEquals(4, line(p));
        assertTrue(p.what().contains("'environments.ci.rules.disabled'"), p.what());
        assertTrue(p.fix().contains("disable, severity, risk, options, packs"), p.fix());
    }

    @Test
    void wrongShapesAreReportedWithAnExample() {
        assertEquals(ErrorCode.CONFIG_INVALID, problem("rules: [drop-table]\n").code());
        Problem levels = problem("rules:\n  severity: [drop-table]\n");
        assertEquals(2, line(levels));
        assertTrue(levels.what().contains("'rules.severity' must map rule ids to error, warning or info"), levels.what());
        Problem options = problem("rules:\n  options:\n    some-rule: 5\n");
        assertTrue(options.what().contains("'rules.options.some-rule' must map parameter names to values"),
                options.what());
        Problem nested = problem("rules:\n  disable:\n    - [a, b]\n");
        assertTrue(nested.what().contains("'rules.disable' must be a list of rule ids"), nested.what());
    }
}
