package dev.keel.bootstrap.config;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule configuration of the chosen environment: {@code rules:} at the top level of {@code keel.yaml} with the
 * environment's {@code rules:} written over it ({@link RuleSection#overriddenBy}). Values are resolved
 * ({@code ${env:NAME}}) and a severity or risk is known to be valid; rule ids, packs and parameters are checked against
 * the discovered rules by the engine. Each {@link Setting} keeps its key path and origin for those messages.
 *
 * @param disabled   rule ids turned off (each setting's value is the id)
 * @param severities severity by rule id ({@code error}, {@code warning}, {@code info})
 * @param risks      risk by rule id ({@code low}, {@code medium}, {@code high})
 * @param options    parameter values by rule id, then parameter name
 * @param packs      opt-in packs turned on (each setting's value is the pack name)
 * @param fixes      packs whose schema-policy fixes Keel applies after migrating (each setting's value is the pack
 *                   name; such a pack must also be turned on)
 */
public record RuleSettings(
        List<Setting> disabled,
        Map<String, Setting> severities,
        Map<String, Setting> risks,
        Map<String, Map<String, Setting>> options,
        List<Setting> packs,
        List<Setting> fixes) {

    public RuleSettings {
        disabled = List.copyOf(disabled);
        severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
        risks = Collections.unmodifiableMap(new LinkedHashMap<>(risks));
        Map<String, Map<String, Setting>> copied = new LinkedHashMap<>();
        options.forEach((rule, values) -> copied.put(rule, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        options = Collections.unmodifiableMap(copied);
        packs = List.copyOf(packs);
        fixes = List.copyOf(fixes);
    }

    /** No rule configuration: every rule outside a pack runs with its defaults. */
    public static RuleSettings none() {
        return new RuleSettings(List.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /** Whether {@code ruleId} is turned off. */
    public boolean disables(String ruleId) {
        return disabled.stream().anyMatch(s -> s.value().equals(ruleId));
    }

    /** The configured severity of {@code ruleId}, if any. */
    public Optional<Severity> severity(String ruleId) {
        return Optional.ofNullable(severities.get(ruleId)).map(s -> Severity.parse(s.value()));
    }

    /** The configured risk of {@code ruleId}, if any. */
    public Optional<Risk> risk(String ruleId) {
        return Optional.ofNullable(risks.get(ruleId)).map(s -> Risk.parse(s.value()));
    }

    /** The parameter values configured for {@code ruleId}, by name; empty when none. */
    public Map<String, String> optionValues(String ruleId) {
        Map<String, String> values = new LinkedHashMap<>();
        options.getOrDefault(ruleId, Map.of()).forEach((name, setting) -> values.put(name, setting.value()));
        return values;
    }

    /** The names of the packs whose schema-policy fixes are applied. */
    public Set<String> fixPackNames() {
        Set<String> names = new LinkedHashSet<>();
        fixes.forEach(s -> names.add(s.value()));
        return names;
    }

    /** The names of the packs turned on. */
    public Set<String> packNames() {
        Set<String> names = new LinkedHashSet<>();
        packs.forEach(s -> names.add(s.value()));
        return names;
    }
}
