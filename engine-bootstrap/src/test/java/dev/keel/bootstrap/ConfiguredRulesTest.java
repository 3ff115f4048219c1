package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.bootstrap.config.RuleSettings;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.StatementKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel.yaml {@code rules:} applied to the discovered rules: what runs, at which level, and every mistake reported. */
class ConfiguredRulesTest {

    @TempDir
    Path dir;

    private final List<Rule> discovered = List.of(new KeywordRule("no-drop", "DROP"), new KeywordRule("no-update", "UPDATE"),
            new KeywordRule("no-x", "X", Optional.of("naming")));

    private ConfiguredRules configured(String yaml, String environment) {
        return new ConfiguredRules(discovered, RuleYaml.settings(dir, yaml, environment));
    }

    private static List<String> ids(ConfiguredRules rules) {
        return rules.active().stream().map(Rule::id).toList();
    }

    private static List<Finding> findings(ConfiguredRules rules, String sql) {
        ParsedStatement statement = new ParsedStatement(sql, 0, 1, 1, "sqlite", Optional.empty(), StatementKind.OTHER,
                List.of(), Set.of(), false, List.of());
        MigrationContext context = new MigrationContext("f.sql", true, List.of(statement));
        return rules.active().stream().flatMap(r -> r.check(statement, context).stream()).toList();
    }

    @Test
    void withoutConfigurationEveryRuleOutsideAPackRuns() {
        assertEquals(List.of("no-drop", "no-update"), ids(new ConfiguredRules(discovered, RuleSettings.none())));
    }

    @Test
    void theEnvironmentsListReplacesTheTopLevelsAndItsLevelsMergeRuleByRule() {
        String yaml = """
                rules:
                  disable: [no-drop]
                  severity: { no-drop: error, no-update: error }
                environments:
                  ci:
                    rules:
                      disable: []
                      severity: { no-update: info }
                      risk: { no-update: low }
                """;
        assertEquals(List.of("no-update"), ids(configured(yaml, "production")));
        ConfiguredRules ci = configured(yaml, "ci");
        assertEquals(List.of("no-drop", "no-update"), ids(ci));
        Finding drop = findings(ci, "DROP TABLE t").get(0);
        assertEquals(Severity.ERROR, drop.severity(), "the top level's severity stays for a rule the section leaves out");
        Finding update = findings(ci, "UPDATE t SET a = 1").get(0);
        assertEquals(Severity.INFO, update.severity());
        assertEquals(Risk.LOW, update.risk());
        RuleStatus status = ci.statuses().get(1);
        assertEquals(Severity.INFO, status.severity(), "reporters list the configured levels");
        assertEquals(Risk.LOW, ci.active().get(1).defaultRisk());
    }

    @Test
    void aPackRuleRunsOnlyWhereItsPackIsOn() {
        assertEquals(List.of("no-drop", "no-update", "no-x"), ids(configured("rules: { packs: [naming] }", "dev")));
        RuleStatus off = configured("rules: {}", "dev").statuses().get(2);
        assertEquals(Optional.of("naming"), off.rule().pack());
        assertTrue(!off.enabled());
    }

    @Test
    void optionsReachTheRule() {
        ConfiguredRules rules = configured("rules: { options: { no-drop: { keyword: TRUNCATE } } }", "dev");
        assertEquals(1, findings(rules, "TRUNCATE t").size());
        assertEquals(0, findings(rules, "DROP TABLE t").size());
    }

    @Test
    void everyUnknownIdPackAndParameterIsReportedAtOnceAtItsPlace() {
        KeelException e = assertThrows(KeelException.class, () -> configured("""
                rules:
                  disable: [no-dorp]
                  severity: { No-Update: error }
                  packs: [nameing]
                  options: { no-drop: { word: X } }
                """, "dev"));
        List<Problem> problems = e.problems();
        assertEquals(4, problems.size(), problems::toString);
        problems.forEach(p -> assertEquals(ErrorCode.RULE_UNKNOWN, p.code(), p.summary()));
        assertEquals(List.of(2, 3, 4, 5), problems.stream().map(p -> p.where().map(Location::line).orElse(0)).toList());
        assertTrue(problems.get(0).what().contains("'rules.disable' names the rule 'no-dorp'"), problems.get(0).what());
        assertTrue(problems.get(1).fix().contains("'no-update'"), problems.get(1).fix());
        assertTrue(problems.get(2).fix().contains("naming"), problems.get(2).fix());
        assertTrue(problems.get(3).fix().contains("keyword (the word to flag"), problems.get(3).fix());
    }

    @Test
    void aValueTheRuleRejectsIsAConfigErrorWithTheRulesWords() {
        KeelException e = assertThrows(KeelException.class,
                () -> configured("rules:\n  options:\n    no-drop:\n      keyword: drop\n", "dev"));
        Problem p = e.problems().get(0);
        assertEquals(ErrorCode.CONFIG_INVALID, p.code());
        assertEquals(4, p.where().orElseThrow().line());
        assertTrue(p.what().contains("keyword must be upper case, not 'drop'"), p.what());
        assertTrue(p.what().contains("'rules.options.no-drop'"), p.what());
    }
}
