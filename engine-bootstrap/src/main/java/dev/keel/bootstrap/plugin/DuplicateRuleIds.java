package dev.keel.bootstrap.plugin;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.SchemaPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rule ids must be unique across every rule provider, built-in and plugin: configuration, {@code -- keel:allow} and
 * the reports name a rule by its id alone, so two rules with one id would silently share settings and suppressions.
 */
final class DuplicateRuleIds {

    private DuplicateRuleIds() {
    }

    /** A problem per rule whose id an earlier rule already uses, naming both rules, their providers and jars. */
    static List<Problem> find(List<RuleProvider> providers) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Owned> seen = new HashMap<>();
        for (RuleProvider provider : providers) {
            List<Owned> owned = new ArrayList<>();
            rulesOf(provider, problems).forEach(rule -> owned.add(new Owned(rule.id(), rule, provider)));
            policiesOf(provider, problems).forEach(policy -> owned.add(new Owned(policy.id(), policy, provider)));
            for (Owned current : owned) {
                Owned earlier = seen.putIfAbsent(current.id(), current);
                if (earlier != null) {
                    problems.add(Problem.at(ErrorCode.RULE_DUPLICATE_ID, Location.of(current.source()),
                            "Two rules use the id '" + current.id() + "': " + earlier + " and " + current + ".",
                            "Remove one of the two jars, or give one rule another id; a plugin's rule ids should start"
                                    + " with its own prefix (e.g. 'acme-…')."));
                }
            }
        }
        return problems;
    }

    private static List<Rule> rulesOf(RuleProvider provider, List<Problem> problems) {
        return listed(provider, "rules", provider::rules, problems);
    }

    private static List<SchemaPolicy> policiesOf(RuleProvider provider, List<Problem> problems) {
        return listed(provider, "schema policies", provider::policies, problems);
    }

    /** What a provider lists; a provider that throws is a problem naming it and its jar, and lists nothing. */
    private static <T> List<T> listed(RuleProvider provider, String what, Supplier<List<T>> list, List<Problem> problems) {
        try {
            return list.get();
        } catch (RuntimeException e) {
            String source = ProviderDiscovery.sourceOf(provider);
            problems.add(Problem.at(ErrorCode.PLUGIN_LOAD_FAILED, Location.of(source),
                    "Rule provider '" + provider.id() + "' (" + provider.getClass().getName() + " in " + source
                            + ") failed while listing its " + what + ": " + e,
                    "Report this to the plugin's author, or remove the jar."));
            return List.of();
        }
    }

    /** A rule or schema policy (they share one id space) with the provider that lists it. */
    private record Owned(String id, Object rule, RuleProvider provider) {

        String source() {
            return ProviderDiscovery.sourceOf(provider);
        }

        @Override
        public String toString() {
            return rule.getClass().getName() + " of provider '" + provider.id() + "' in " + source();
        }
    }
}
