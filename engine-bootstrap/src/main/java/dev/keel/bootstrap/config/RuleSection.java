package dev.keel.bootstrap.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rules:} mapping written at one level of {@code keel.yaml} (top level or an environment's section), values
 * as written. Each {@link Setting}'s key is its path in the file ({@code environments.ci.rules.severity.drop-table}).
 *
 * @param disable  {@code rules.disable}: rule ids, when written at this level
 * @param severity {@code rules.severity}: severity by rule id
 * @param risk     {@code rules.risk}: risk by rule id
 * @param options  {@code rules.options}: parameter values by rule id, then parameter name
 * @param packs    {@code rules.packs}: opt-in pack names, when written at this level
 * @param fix      {@code rules.fix}: pack names whose schema-policy fixes Keel applies, when written at this level
 */
public record RuleSection(
        Optional<List<Setting>> disable,
        Map<String, Setting> severity,
        Map<String, Setting> risk,
        Map<String, Map<String, Setting>> options,
        Optional<List<Setting>> packs,
        Optional<List<Setting>> fix) {

    public RuleSection {
        disable = disable.map(List::copyOf);
        // file order is kept so that messages follow what the user wrote
        severity = ordered(severity);
        risk = ordered(risk);
        Map<String, Map<String, Setting>> copied = new LinkedHashMap<>();
        options.forEach((rule, values) -> copied.put(rule, ordered(values)));
        options = Collections.unmodifiableMap(copied);
        packs = packs.map(List::copyOf);
        fix = fix.map(List::copyOf);
    }

    /** A level that writes no {@code rules:}. */
    public static RuleSection empty() {
        return new RuleSection(Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }

    /**
     * This level with {@code section} written over it: the lists {@code disable}, {@code packs} and {@code fix} are
     * replaced as a
     * whole when the section writes them ({@code disable: []} turns every rule back on); {@code severity},
     * {@code risk} and {@code options} are merged rule by rule, the section's entry for a rule replacing this one's.
     */
    public RuleSection overriddenBy(RuleSection section) {
        return new RuleSection(section.disable.or(() -> disable), merged(severity, section.severity),
                merged(risk, section.risk), merged(options, section.options), section.packs.or(() -> packs),
                section.fix.or(() -> fix));
    }

    private static <V> Map<String, V> merged(Map<String, V> below, Map<String, V> above) {
        Map<String, V> merged = new LinkedHashMap<>(below);
        merged.putAll(above);
        return merged;
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
