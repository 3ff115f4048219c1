package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.schema.SchemaModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel.yaml {@code rules:} applied to schema policies: packs turn them on, ids are disabled and re-levelled like rule
 * ids, and {@code rules.fix} is checked against the policies' packs.
 */
class ConfiguredPoliciesTest {

    @TempDir
    Path dir;

    private final List<SchemaPolicy> policies = List.of(new StubPolicy("always"),
            new StubPolicy("typed", Optional.of("types")));

    private ConfiguredRules configured(String yaml) {
        return new ConfiguredRules(List.of(new KeywordRule("no-drop", "DROP")), policies,
                RuleYaml.settings(dir, yaml, "dev"));
    }

    private static List<String> ids(ConfiguredRules rules) {
        return rules.activePolicies().stream().map(SchemaPolicy::id).toList();
    }

    @Test
    void aPolicyInAPackRunsOnlyWhereThePackIsTurnedOn() {
        assertEquals(List.of("always"), ids(configured("rules: {}")));
        assertEquals(List.of("always", "typed"), ids(configured("rules: { packs: [types] }")));
        assertEquals(List.of("typed"), ids(configured("rules: { packs: [types], disable: [always] }")));
    }

    @Test
    void severityAndRiskOfAPolicyAreConfiguredByItsId() {
        ConfiguredRules rules = configured("rules: { packs: [types], severity: { typed: error }, risk: { typed: high } }");
        SchemaPolicy typed = rules.activePolicies().get(1);
        Finding finding = typed.check(new SchemaModel("mysql", "MariaDB", List.of())).get(0).finding();
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(Risk.HIGH, finding.risk());
        assertEquals(Severity.ERROR, typed.defaultSeverity());
    }

    @Test
    void fixNamesPacksThatAreTurnedOn() {
        assertEquals(Set.of("types"), configured("rules: { packs: [types], fix: [types] }").fixPacks());
        assertEquals(Set.of(), configured("rules: { packs: [types] }").fixPacks());
    }

    @Test
    void fixOfAnUnknownPackOrOfAPackNotTurnedOnIsReportedAtItsPlace() {
        KeelException e = assertThrows(KeelException.class, () -> configured("""
                rules:
                  packs: [types]
                  fix: [typos]
                """));
        Problem unknown = e.problems().get(0);
        assertEquals(ErrorCode.RULE_UNKNOWN, unknown.code());
        assertEquals(3, unknown.where().orElseThrow().line());
        assertTrue(unknown.what().contains("'rules.fix' names the pack 'typos'"), unknown.what());
        assertTrue(unknown.fix().contains("types"), unknown.fix());

        KeelException off = assertThrows(KeelException.class, () -> configured("rules:\n  fix: [types]\n"));
        assertEquals(ErrorCode.CONFIG_INVALID, off.problems().get(0).code());
        assertTrue(off.problems().get(0).fix().contains("Add 'types' to 'rules.packs'"), off.problems().get(0).fix());
    }

    @Test
    void aPolicyIdIsKnownToDisableButTakesNoParameters() {
        KeelException e = assertThrows(KeelException.class,
                () -> configured("rules:\n  disable: [alwys]\n  options: { always: { x: 1 } }\n"));
        assertEquals(2, e.problems().size(), e.problems()::toString);
        e.problems().forEach(p -> assertEquals(ErrorCode.RULE_UNKNOWN, p.code()));
        assertTrue(e.problems().get(1).what().contains("schema policy always, which takes none"), e.problems().get(1).what());
    }

    @Test
    void fixMustBeAListOfNames() {
        KeelException e = assertThrows(KeelException.class, () -> configured("rules:\n  fix: { types: yes }\n"));
        assertEquals(ErrorCode.CONFIG_INVALID, e.problems().get(0).code());
        assertTrue(e.problems().get(0).what().contains("'rules.fix' must be a list of pack names"), e.problems().get(0).what());
    }
}
