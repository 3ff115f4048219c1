package dev.keel.bootstrap;

import dev.keel.bootstrap.config.RuleSettings;
import dev.keel.bootstrap.config.Setting;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The discovered rules and schema policies with the environment's {@code rules:} configuration applied: which rules and
 * policies run (not disabled; opt-in pack turned on), with their parameters and configured levels, and which packs'
 * policy fixes are applied ({@code rules.fix}). Every rule or policy id, pack and parameter the configuration names is
 * checked against them first; all mistakes are reported together and nothing runs.
 */
final class ConfiguredRules {

    private final List<Rule> discovered;
    private final List<SchemaPolicy> policies;
    private final RuleSettings settings;
    private final List<Rule> active;
    private final List<SchemaPolicy> activePolicies;

    /** @throws KeelException naming every unknown rule id, pack or parameter, and every rejected parameter value */
    ConfiguredRules(List<Rule> discovered, RuleSettings settings) {
        this(discovered, List.of(), settings);
    }

    /** @throws KeelException naming every unknown rule or policy id, pack or parameter, and every rejected value */
    ConfiguredRules(List<Rule> discovered, List<SchemaPolicy> policies, RuleSettings settings) {
        this.discovered = List.copyOf(discovered);
        this.policies = List.copyOf(policies);
        this.settings = settings;
        List<Problem> problems = new ArrayList<>();
        check(problems);
        List<Rule> running = new ArrayList<>();
        for (Rule rule : this.discovered) {
            if (runs(rule)) {
                configured(rule, problems).ifPresent(running::add);
            }
        }
        List<SchemaPolicy> checking = new ArrayList<>();
        for (SchemaPolicy policy : this.policies) {
            if (!settings.disables(policy.id()) && policy.pack().map(settings.packNames()::contains).orElse(true)) {
                ConfiguredLevels levels = levels(policy.id());
                checking.add(levels.none() ? policy : new AdjustedPolicy(policy, levels));
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        this.active = List.copyOf(running);
        this.activePolicies = List.copyOf(checking);
    }

    /** The rules of every provider, configured by {@code settings}. */
    static ConfiguredRules of(List<RuleProvider> providers, RuleSettings settings) {
        return new ConfiguredRules(providers.stream().flatMap(p -> p.rules().stream()).toList(),
                providers.stream().flatMap(p -> p.policies().stream()).toList(), settings);
    }

    /** The schema policies that run, configured. */
    List<SchemaPolicy> activePolicies() {
        return activePolicies;
    }

    /** The packs whose policy fixes are applied after migrating ({@code rules.fix}). */
    Set<String> fixPacks() {
        return settings.fixPackNames();
    }

    /** The rules that run, configured. */
    List<Rule> active() {
        return active;
    }

    /** Whether a discovered rule has this id, ignoring case (it may be off in this environment). */
    boolean known(String ruleId) {
        return discovered.stream().anyMatch(r -> r.id().equalsIgnoreCase(ruleId));
    }

    /** Whether a rule with this id runs in this environment, ignoring case. */
    boolean running(String ruleId) {
        return active.stream().anyMatch(r -> r.id().equalsIgnoreCase(ruleId));
    }

    /** The option values configured for a rule, by name (none when it has none configured). */
    Map<String, String> options(String ruleId) {
        return settings.optionValues(ruleId);
    }

    /** Every discovered rule as this environment runs it, in discovery order. */
    List<RuleStatus> statuses() {
        return discovered.stream()
                .map(rule -> {
                    Optional<Rule> running = active.stream().filter(r -> r.id().equals(rule.id())).findFirst();
                    Rule shown = running.orElse(rule);
                    return new RuleStatus(rule, settings.severity(rule.id()).orElse(shown.defaultSeverity()),
                            settings.risk(rule.id()).orElse(shown.defaultRisk()), running.isPresent());
                })
                .toList();
    }

    /** Every discovered schema policy as this environment runs it, in discovery order. */
    List<PolicyStatus> policyStatuses() {
        return policies.stream()
                .map(policy -> {
                    boolean enabled = activePolicies.stream().anyMatch(p -> p.id().equals(policy.id()));
                    boolean fixed = enabled && policy.pack().map(settings.fixPackNames()::contains).orElse(false);
                    return new PolicyStatus(policy, settings.severity(policy.id()).orElse(policy.defaultSeverity()),
                            settings.risk(policy.id()).orElse(policy.defaultRisk()), enabled, fixed);
                })
                .toList();
    }

    private boolean runs(Rule rule) {
        return !settings.disables(rule.id()) && rule.pack().map(settings.packNames()::contains).orElse(true);
    }

    /** The rule with its parameters and levels applied; empty (with a problem) when it rejects its parameters. */
    private Optional<Rule> configured(Rule rule, List<Problem> problems) {
        Map<String, String> options = settings.optionValues(rule.id());
        Rule withOptions = rule;
        // unknown names are reported by check(); the rule is promised only names it declared
        if (!options.isEmpty() && rule.parameters().keySet().containsAll(options.keySet())) {
            try {
                withOptions = rule.withOptions(options);
            } catch (IllegalArgumentException e) {
                Setting first = settings.options().get(rule.id()).values().iterator().next();
                String key = parent(first.key(), 1);
                problems.add(Problem.at(ErrorCode.CONFIG_INVALID, first.location(),
                        "Rule " + rule.id() + " does not accept '" + key + "': " + e.getMessage(),
                        "Set its parameters as the rule expects: " + describe(rule.parameters()) + "."));
                return Optional.empty();
            }
        }
        ConfiguredLevels levels = levels(rule.id());
        return Optional.of(levels.none() ? withOptions : new AdjustedRule(withOptions, levels));
    }

    private ConfiguredLevels levels(String id) {
        return new ConfiguredLevels(settings.severity(id), settings.risk(id));
    }

    /** Rule ids, packs and parameter names the configuration names must exist. */
    private void check(List<Problem> problems) {
        settings.disabled().forEach(s -> requireRule(s.value(), s.key(), s, problems));
        settings.severities().forEach((id, s) -> requireRule(id, parent(s.key(), 1), s, problems));
        settings.risks().forEach((id, s) -> requireRule(id, parent(s.key(), 1), s, problems));
        settings.options().forEach((id, values) -> values.values().stream().findFirst()
                .ifPresent(s -> requireRule(id, parent(s.key(), 2), s, problems)));
        Set<String> packs = new TreeSet<>();
        discovered.forEach(r -> r.pack().ifPresent(packs::add));
        policies.forEach(p -> p.pack().ifPresent(packs::add));
        for (Setting pack : settings.packs()) {
            if (!packs.contains(pack.value())) {
                problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, pack.location(),
                        "'" + pack.key() + "' names the pack '" + pack.value() + "', which no installed rule belongs to.",
                        packs.isEmpty()
                                ? "Remove it: the installed rules (Keel's and the plugins') declare no opt-in pack."
                                : "Use one of: " + String.join(", ", packs) + "; 'keel lint --rules' shows each rule's pack."));
            }
        }
        checkFixes(problems);
        settings.options().forEach((id, values) -> findPolicy(id).ifPresent(policy -> values.values().stream().findFirst()
                .ifPresent(setting -> problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, setting.location(),
                        "'" + parent(setting.key(), 1) + "' sets parameters of schema policy " + id
                                + ", which takes none.", "Remove it: schema policies take no parameters.")))));
        settings.options().forEach((id, values) -> find(id).ifPresent(rule -> values.forEach((name, setting) -> {
            if (!rule.parameters().containsKey(name)) {
                problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, setting.location(),
                        "'" + setting.key() + "' names the parameter '" + name + "', which rule " + id + " does not have.",
                        rule.parameters().isEmpty() ? "Remove it: rule " + id + " takes no parameters."
                                : "Use one of the parameters of " + id + ": " + describe(rule.parameters()) + "."));
            }
        })));
    }

    /** Every pack {@code rules.fix} names must have a policy offering fixes, and be turned on in {@code rules.packs}. */
    private void checkFixes(List<Problem> problems) {
        Set<String> fixable = new TreeSet<>();
        policies.forEach(p -> p.pack().ifPresent(fixable::add));
        for (Setting fix : settings.fixes()) {
            if (!fixable.contains(fix.value())) {
                problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, fix.location(),
                        "'" + fix.key() + "' names the pack '" + fix.value() + "', which no installed schema policy"
                                + " belongs to, so there is nothing to fix.",
                        fixable.isEmpty() ? "Remove it: the installed schema policies declare no pack."
                                : "Use one of: " + String.join(", ", fixable) + "."));
            } else if (!settings.packNames().contains(fix.value())) {
                problems.add(Problem.at(ErrorCode.CONFIG_INVALID, fix.location(),
                        "'" + fix.key() + "' names the pack '" + fix.value() + "', which is not turned on here, so its"
                                + " policies do not run and there is nothing to fix.",
                        "Add '" + fix.value() + "' to 'rules.packs' as well (or remove it from 'rules.fix')."));
            }
        }
    }

    /**
     * A problem when no discovered rule or schema policy has {@code id}, as named under {@code keyPath} at
     * {@code where}'s place.
     */
    private void requireRule(String id, String keyPath, Setting where, List<Problem> problems) {
        if (find(id).isPresent() || findPolicy(id).isPresent()) {
            return;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        Optional<String> otherCase = java.util.stream.Stream.concat(discovered.stream().map(Rule::id),
                        policies.stream().map(SchemaPolicy::id))
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
        problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, where.location(),
                "'" + keyPath + "' names the rule '" + id + "', which no installed rule provider offers.",
                otherCase.map(known -> "Write the id as '" + known + "' (ids are lower case).")
                        .orElse("Use a rule id listed by 'keel lint --rules', or install the plugin that provides it.")));
    }

    private Optional<SchemaPolicy> findPolicy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private Optional<Rule> find(String id) {
        return discovered.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** {@code key} without its last {@code levels} dotted parts. */
    private static String parent(String key, int levels) {
        String parent = key;
        for (int i = 0; i < levels; i++) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
        }
        return parent;
    }

    private static String describe(Map<String, String> parameters) {
        List<String> described = new ArrayList<>();
        new TreeSet<>(parameters.keySet()).forEach(name -> described.add(name + " (" + parameters.get(name) + ")"));
        return String.join(", ", described);
    }
}
