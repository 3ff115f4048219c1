package dev.keel.bootstrap.config;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the shape of one {@code rules:} mapping; its values (a severity, a risk) are checked when the environment's
 * settings are resolved, and its rule ids and packs once the rule providers are known.
 */
final class RuleSectionReader {

    /** The keys under {@code rules:}. */
    static final List<String> KEYS = List.of("disable", "severity", "risk", "options", "packs", "fix");

    private final String display;

    RuleSectionReader(String display) {
        this.display = display;
    }

    /** The {@code rules:} value at {@code prefix} ({@code ""} or {@code environments.NAME.}). */
    RuleSection read(Node node, String prefix) {
        String path = prefix + SettingKey.RULES;
        if (ConfigFileReader.isNull(node)) {
            return RuleSection.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw ConfigFileReader.shape(display, node, "'" + path + "' must be a mapping",
                    "Write 'rules:' with any of " + String.join(", ", KEYS) + " indented under it, e.g.\n"
                            + "  rules:\n    disable: [drop-table]\n    severity: { rename-column: error }");
        }
        Optional<List<Setting>> disable = Optional.empty();
        Map<String, Setting> severity = Map.of();
        Map<String, Setting> risk = Map.of();
        Map<String, Map<String, Setting>> options = Map.of();
        Optional<List<Setting>> packs = Optional.empty();
        Optional<List<Setting>> fix = Optional.empty();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ConfigFileReader.scalarKey(tuple.getKeyNode(), display);
            String keyPath = path + "." + key;
            Node value = tuple.getValueNode();
            switch (key) {
                case "disable" -> disable = Optional.of(names(value, keyPath, "rule ids", "[drop-table, rename-column]"));
                case "severity" -> severity = levels(value, keyPath, "error, warning or info", "rename-column: error");
                case "risk" -> risk = levels(value, keyPath, "low, medium or high", "rename-column: high");
                case "options" -> options = options(value, keyPath);
                case "packs" -> packs = Optional.of(names(value, keyPath, "pack names", "[naming]"));
                case "fix" -> fix = Optional.of(names(value, keyPath, "pack names", "[type-normalisation]"));
                default -> throw KeelException.at(ErrorCode.CONFIG_UNKNOWN_KEY,
                        ConfigFileReader.at(display, tuple.getKeyNode().getStartMark().orElse(null)),
                        "Unknown key '" + keyPath + "' in keel.yaml.",
                        "Under 'rules', use one of: " + String.join(", ", KEYS) + ".");
            }
        }
        return new RuleSection(disable, severity, risk, options, packs, fix);
    }

    /** A list of names; a single name is a list of one, an empty value none. */
    private List<Setting> names(Node node, String keyPath, String what, String example) {
        List<Setting> names = new ArrayList<>();
        if (ConfigFileReader.isNull(node)) {
            return names;
        }
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        for (Node item : items) {
            names.add(scalar(item, keyPath, "'" + keyPath + "' must be a list of " + what,
                    "Write '" + last(keyPath) + ": " + example + "'."));
        }
        return names;
    }

    /** A mapping of rule ids to one value each. */
    private Map<String, Setting> levels(Node node, String keyPath, String values, String example) {
        Map<String, Setting> levels = new LinkedHashMap<>();
        for (NodeTuple tuple : tuples(node, keyPath, "map rule ids to " + values, last(keyPath) + ": { " + example + " }")) {
            String rule = ConfigFileReader.scalarKey(tuple.getKeyNode(), display);
            levels.put(rule, scalar(tuple.getValueNode(), keyPath + "." + rule,
                    "'" + keyPath + "." + rule + "' must be one of " + values, "Write '" + rule + ": " + values + "'."));
        }
        return levels;
    }

    /** {@code options}: rule id → parameter name → value. */
    private Map<String, Map<String, Setting>> options(Node node, String keyPath) {
        String example = "options: { max-identifier-length: { max: 40 } }";
        Map<String, Map<String, Setting>> options = new LinkedHashMap<>();
        for (NodeTuple rule : tuples(node, keyPath, "map rule ids to their parameters", example)) {
            String id = ConfigFileReader.scalarKey(rule.getKeyNode(), display);
            String rulePath = keyPath + "." + id;
            Map<String, Setting> values = new LinkedHashMap<>();
            for (NodeTuple parameter : tuples(rule.getValueNode(), rulePath, "map parameter names to values", example)) {
                String name = ConfigFileReader.scalarKey(parameter.getKeyNode(), display);
                values.put(name, scalar(parameter.getValueNode(), rulePath + "." + name,
                        "'" + rulePath + "." + name + "' must be a single value", "Write '" + name + ": value'."));
            }
            options.put(id, values);
        }
        return options;
    }

    private List<NodeTuple> tuples(Node node, String keyPath, String what, String example) {
        if (ConfigFileReader.isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw ConfigFileReader.shape(display, node, "'" + keyPath + "' must " + what, "Write e.g. '" + example + "'.");
        }
        return mapping.getValue();
    }

    private Setting scalar(Node node, String keyPath, String what, String fix) {
        if (!(node instanceof ScalarNode scalar) || ConfigFileReader.isNull(node) || scalar.getValue().isBlank()) {
            throw ConfigFileReader.shape(display, node, what, fix);
        }
        return new Setting(keyPath, scalar.getValue().trim(), ConfigFileReader.origin(display, node));
    }

    private static String last(String keyPath) {
        return keyPath.substring(keyPath.lastIndexOf('.') + 1);
    }
}
