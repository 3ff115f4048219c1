package dev.keel.bootstrap.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.bootstrap.StubPolicy;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule ids and schema-policy ids share one namespace across providers; a provider that throws is reported. */
class DuplicateRuleIdsTest {

    private record NamedRule(String id) implements Rule {
        @Override
        public String description() {
            return "r";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.INFO;
        }

        @Override
        public Risk defaultRisk() {
            return Risk.LOW;
        }

        @Override
        public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
            return List.of();
        }
    }

    private record Provider(String id, List<Rule> rules, List<SchemaPolicy> policies) implements RuleProvider {
    }

    @Test
    void aPolicyWithARulesIdIsADuplicate() {
        List<Problem> problems = DuplicateRuleIds.find(List.of(
                new Provider("a", List.of(new NamedRule("same")), List.of()),
                new Provider("b", List.of(), List.of(new StubPolicy("same"), new StubPolicy("other")))));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(ErrorCode.RULE_DUPLICATE_ID, problems.get(0).code());
        assertTrue(problems.get(0).what().contains("'same'"), problems.get(0).what());
        assertTrue(problems.get(0).what().contains("StubPolicy") && problems.get(0).what().contains("NamedRule"),
                problems.get(0).what());
    }

    @Test
    void aProviderWhosePoliciesThrowIsReported() {
        RuleProvider broken = new RuleProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<SchemaPolicy> policies() {
                throw new IllegalStateException("boom");
            }
        };
        List<Problem> problems = DuplicateRuleIds.find(List.of(broken));
        assertEquals(ErrorCode.PLUGIN_LOAD_FAILED, problems.get(0).code());
        assertTrue(problems.get(0).what().contains("failed while listing its schema policies"), problems.get(0).what());
    }
}
