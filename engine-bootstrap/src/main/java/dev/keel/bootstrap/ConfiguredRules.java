package dev.keel.bootstrap;

import dev.keel.bootstrap.config.RuleSettings;
import dev.keel.bootstrap.config.Setting;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The discovered rules with the environment's {@code rules:} configuration applied: which rules run (not disabled;
 * opt-in pack turned on), with their parameters and configured levels. Every rule id, pack and parameter the
 * configuration names is checked against the rules first; all mistakes are reported together and nothing runs.
 */
final class ConfiguredRules {

    private final List<Rule> discovered;
    private final RuleSettings settings;
    private final List<Rule> active;

    /** @throws KeelException naming every unknown rule id, pack or parameter, and every rejected parameter value */
    ConfiguredRules(List<Rule> discovered, RuleSettings settings) {
        this.discovered = List.copyOf(discovered);
        this.settings = settings;
        List<Problem> problems = new ArrayList<>();
        check(problems);
        List<Rule> running = new ArrayList<>();
        for (Rule rule : this.discovered) {
            if (runs(rule)) {
                configured(rule, problems).ifPresent(running::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(problems);
        }
        this.active = List.copyOf(running);
    }

    /** The rules of every provider, configured by {@code settings}. */
    static ConfiguredRules of(List<RuleProvider> providers, RuleSettings settings) {
        return new ConfiguredRules(providers.stream().flatMap(p -> p.rules().stream()).toList(), settings);
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
        Optional<Severity> severity = settings.severity(rule.id());
        Optional<Risk> risk = settings.risk(rule.id());
        return Optional.of(severity.isEmpty() && risk.isEmpty() ? withOptions
                : new AdjustedRule(withOptions, severity, risk));
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
        for (Setting pack : settings.packs()) {
            if (!packs.contains(pack.value())) {
                problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, pack.location(),
                        "'" + pack.key() + "' names the pack '" + pack.value() + "', which no installed rule belongs to.",
                        packs.isEmpty()
                                ? "Remove it: the installed rules (Keel's and the plugins') declare no opt-in pack."
                                : "Use one of: " + String.join(", ", packs) + "; 'keel lint --rules' shows each rule's pack."));
            }
        }
        settings.options().forEach((id, values) -> find(id).ifPresent(rule -> values.forEach((name, setting) -> {
            if (!rule.parameters().containsKey(name)) {
                problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, setting.location(),
                        "'" + setting.key() + "' names the parameter '" + name + "', which rule " + id + " does not have.",
                        rule.parameters().isEmpty() ? "Remove it: rule " + id + " takes no parameters."
                                : "Use one of the parameters of " + id + ": " + describe(rule.parameters()) + "."));
            }
        })));
    }

    /** A problem when no discovered rule has {@code id}, as named under {@code keyPath} at {@code where}'s place. */
    private void requireRule(String id, String keyPath, Setting where, List<Problem> problems) {
        if (find(id).isPresent()) {
            return;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        Optional<String> otherCase = discovered.stream().map(Rule::id)
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
        problems.add(Problem.at(ErrorCode.RULE_UNKNOWN, where.location(),
                "'" + keyPath + "' names the rule '" + id + "', which no installed rule provider offers.",
                otherCase.map(known -> "Write the id as '" + known + "' (ids are lower case).")
                        .orElse("Use a rule id listed by 'keel lint --rules', or install the plugin that provides it.")));
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
