package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks this module's {@code META-INF/services/dev.keel.spi.rule.RuleProvider} file and the rules' metadata. */
class KeelRuleProviderServiceLoaderTest {

    private static List<RuleProvider> providers() {
        return ServiceLoader.load(RuleProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void services_file_lists_exactly_the_builtin_provider() {
        List<RuleProvider> providers = providers();

        assertEquals(1, providers.size(), () -> "expected one RuleProvider on the module's class path: " + providers);
        assertInstanceOf(KeelRuleProvider.class, providers.get(0));
        assertEquals("keel-builtin", providers.get(0).id());
    }

    @Test
    void rules_have_unique_kebab_case_ids_and_complete_metadata() {
        List<Rule> rules = providers().get(0).rules();
        assertFalse(rules.isEmpty());
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            assertTrue(rule.id().matches("[a-z0-9]+(-[a-z0-9.]+)*"), rule.id());
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertFalse(rule.description().isBlank(), rule.id());
            BuiltinRule builtin = assertInstanceOf(BuiltinRule.class, rule);
            assertFalse(builtin.help().isBlank(), rule.id());
            assertEquals("docs/rules.md#" + rule.id(), builtin.docsAnchor());
        }
    }

    @Test
    void a_provider_that_implements_only_id_contributes_no_rules() {
        RuleProvider legacy = () -> "acme-legacy";
        assertTrue(legacy.rules().isEmpty());
    }
}
