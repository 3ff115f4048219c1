package dev.keel.cli;

import dev.keel.bootstrap.PolicyStatus;
import dev.keel.bootstrap.RuleStatus;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code keel lint --rules}: every rule as the environment runs it, one line each (or a JSON document), so a user can
 * find the id to write in {@code -- keel:allow} or under {@code rules:} in keel.yaml.
 */
final class RuleListing {

    private final CommandContext context;

    RuleListing(CommandContext context) {
        this.context = context;
    }

    /** Prints the rules and schema policies; returns the exit code (always 0). */
    int print(List<RuleStatus> rules, List<PolicyStatus> policies, boolean json) {
        if (json) {
            Map<String, Object> document = JsonOutput.document("lint", true);
            document.put("rules", rules.stream().map(RuleListing::json).toList());
            document.put("policies", policies.stream().map(RuleListing::json).toList());
            context.jsonOutput().write(document);
            return KeelCommand.DONE;
        }
        TextOutput out = context.text();
        for (RuleStatus status : rules) {
            Rule rule = status.rule();
            String state = status.enabled() ? "on " : "@|faint off|@";
            String pack = rule.pack().map(p -> " (pack " + TextOutput.escape(p) + ")").orElse("");
            out.line(state + " @|bold " + TextOutput.escape(rule.id()) + "|@ " + status.severity().label() + ", risk "
                    + status.risk().label() + pack + ": " + TextOutput.escape(rule.description()));
            new TreeMap<>(rule.parameters()).forEach((name, meaning) ->
                    out.line("      option " + TextOutput.escape(name + ": " + meaning)));
        }
        for (PolicyStatus status : policies) {
            SchemaPolicy policy = status.policy();
            String state = status.enabled() ? "on " : "@|faint off|@";
            String pack = policy.pack().map(p -> " (pack " + TextOutput.escape(p) + (status.fixed() ? ", fixed" : "") + ")")
                    .orElse("");
            out.line(state + " @|bold " + TextOutput.escape(policy.id()) + "|@ " + status.severity().label() + ", risk "
                    + status.risk().label() + pack + ", schema policy for " + TextOutput.escape(String.join("/",
                    policy.dialects())) + ": " + TextOutput.escape(policy.description()));
        }
        long on = rules.stream().filter(RuleStatus::enabled).count();
        long policiesOn = policies.stream().filter(PolicyStatus::enabled).count();
        out.plain(rules.size() + " rule(s), " + on + " on in this environment; " + policies.size() + " schema polic"
                + (policies.size() == 1 ? "y" : "ies") + ", " + policiesOn + " on.");
        return KeelCommand.DONE;
    }

    private static Map<String, Object> json(PolicyStatus status) {
        SchemaPolicy policy = status.policy();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", policy.id());
        map.put("enabled", status.enabled());
        map.put("fix", status.fixed());
        map.put("severity", status.severity().label());
        map.put("risk", status.risk().label());
        map.put("pack", policy.pack().orElse(null));
        map.put("dialects", policy.dialects());
        map.put("description", policy.description());
        return map;
    }

    private static Map<String, Object> json(RuleStatus status) {
        Rule rule = status.rule();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", rule.id());
        map.put("enabled", status.enabled());
        map.put("severity", status.severity().label());
        map.put("risk", status.risk().label());
        map.put("pack", rule.pack().orElse(null));
        map.put("parameters", new TreeMap<>(rule.parameters()));
        map.put("description", rule.description());
        return map;
    }
}
