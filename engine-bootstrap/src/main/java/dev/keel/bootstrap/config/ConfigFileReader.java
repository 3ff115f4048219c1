package dev.keel.bootstrap.config;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code keel.yaml} with snakeyaml-engine's node API, so every error names the file, line and
 * column: malformed YAML, unknown keys (with the list of known ones) and wrong shapes. Values are kept as
 * written; {@code ${env:NAME}} references are resolved by {@link SettingsResolver} for the values in use.
 */
public final class ConfigFileReader {

    private static final long MAX_CONFIG_BYTES = 1024 * 1024;

    public ConfigFileReader() {
        // stateless: ${env:NAME} references are resolved later, only for the values that win (SettingsResolver)
    }

    /** Reads and checks a config file. */
    public ConfigFile read(Path path) {
        String display = path.toString();
        String text = readText(path, display);
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(display).setAllowDuplicateKeys(false).build();
            Optional<Node> node = new Compose(settings).composeString(text);
            if (node.isEmpty()) {
                return new ConfigFile(path, ConfigSection.empty(), Map.of());
            }
            root = node.get();
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw KeelException.at(ErrorCode.CONFIG_INVALID, at(display, mark),
                    "keel.yaml is not valid YAML: " + e.getProblem() + ".",
                    "Fix the YAML syntax at that line (indentation with spaces, 'key: value' pairs).");
        } catch (YamlEngineException e) {
            throw KeelException.at(ErrorCode.CONFIG_INVALID, Location.of(display),
                    "keel.yaml is not valid YAML: " + e.getMessage() + ".",
                    "Fix the YAML syntax.");
        }
        if (!(root instanceof MappingNode mapping)) {
            throw KeelException.at(ErrorCode.CONFIG_INVALID, at(display, root.getStartMark().orElse(null)),
                    "keel.yaml must be a mapping of keys to values.", "Write settings as 'key: value' lines, e.g. 'url: jdbc:sqlite:app.db'.");
        }
        Map<String, ConfigSection> environments = new LinkedHashMap<>();
        ConfigSection top = readSection(mapping.getValue(), display, "", environments);
        return new ConfigFile(path, top, environments);
    }

    private void readEnvironments(Node node, String display, Map<String, ConfigSection> environments) {
        if (!(node instanceof MappingNode mapping)) {
            throw shape(display, node, "'environments' must map environment names to their settings",
                    "Write e.g.\n  environments:\n    production:\n      url: jdbc:postgresql://db/app");
        }
        for (NodeTuple env : mapping.getValue()) {
            String name = scalarKey(env.getKeyNode(), display);
            Node body = env.getValueNode();
            if (body instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                environments.put(name, ConfigSection.empty());
                continue;
            }
            if (!(body instanceof MappingNode envMapping)) {
                throw shape(display, body, "environment '" + name + "' must hold settings", "Indent 'key: value' lines under it.");
            }
            environments.put(name, readSection(envMapping.getValue(), display, "environments." + name + ".", null));
        }
    }

    /**
     * One level of the file, read in file order so that the first mistake is the one reported: the top level (then
     * {@code environments} go to {@code environments}) or an environment's section ({@code environments} is null).
     */
    private ConfigSection readSection(List<NodeTuple> tuples, String display, String prefix,
            Map<String, ConfigSection> environments) {
        Map<SettingKey, Setting> settings = new EnumMap<>(SettingKey.class);
        Optional<Map<String, ListSetting>> options = Optional.empty();
        Optional<List<ListSetting>> hooks = Optional.empty();
        RuleSection rules = RuleSection.empty();
        for (NodeTuple tuple : tuples) {
            String key = scalarKey(tuple.getKeyNode(), display);
            if (environments != null && key.equals("environments")) {
                readEnvironments(tuple.getValueNode(), display, environments);
                continue;
            }
            // YAML refuses duplicate keys, so snapshot, hooks and rules are met at most once per level
            switch (key) {
                case SettingKey.SNAPSHOT -> options = readSnapshot(tuple.getValueNode(), settings, display, prefix);
                case SettingKey.HOOKS -> hooks = readHooks(tuple.getValueNode(), display, prefix);
                case SettingKey.RULES -> rules = new RuleSectionReader(display).read(tuple.getValueNode(), prefix);
                default -> put(settings, key, tuple, display, prefix);
            }
        }
        return new ConfigSection(settings, options, hooks, rules);
    }

    /** {@code snapshot: NAME} (shorthand for the strategy) or the {@code snapshot:} mapping; returns its options. */
    private Optional<Map<String, ListSetting>> readSnapshot(Node node, Map<SettingKey, Setting> settings, String display,
            String prefix) {
        if (node instanceof ScalarNode scalar) {
            settings.put(SettingKey.SNAPSHOT_STRATEGY,
                    new Setting(SettingKey.SNAPSHOT_STRATEGY.yamlName(), scalar.getValue(), origin(display, node)));
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw shape(display, node, "'" + prefix + "snapshot' must be a strategy name or a mapping",
                    "Write 'snapshot: filecopy', or 'snapshot:' with 'strategy:', 'always:', 'keep:', 'directory:' and "
                            + "'options:' indented under it.");
        }
        Optional<Map<String, ListSetting>> options = Optional.empty();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarKey(tuple.getKeyNode(), display);
            if (key.equals(SettingKey.SNAPSHOT_OPTIONS)) {
                options = Optional.of(readOptions(tuple.getValueNode(), display, prefix));
                continue;
            }
            String name = SettingKey.SNAPSHOT + "." + key;
            SettingKey settingKey = SettingKey.byYamlName(name).orElseThrow(() -> KeelException.at(ErrorCode.CONFIG_UNKNOWN_KEY,
                    at(display, tuple.getKeyNode().getStartMark().orElse(null)),
                    "Unknown key '" + prefix + name + "' in keel.yaml.",
                    "Under 'snapshot', use one of: " + SettingKey.snapshotKeyNames() + "."));
            settings.put(settingKey, scalarSetting(settingKey, tuple.getValueNode(), display, prefix, key));
        }
        return options;
    }

    /** {@code snapshot.options}: each option a single value or a list of values. */
    private Map<String, ListSetting> readOptions(Node node, String display, String prefix) {
        Map<String, ListSetting> options = new LinkedHashMap<>();
        if (isNull(node)) {
            return options;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw shape(display, node, "'" + prefix + "snapshot.options' must map option names to values",
                    "Indent 'name: value' or 'name: [a, b, c]' lines under 'options:'.");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalarKey(tuple.getKeyNode(), display);
            String key = "snapshot.options." + name;
            Node value = tuple.getValueNode();
            List<Setting> items = new ArrayList<>();
            if (value instanceof ScalarNode scalar) {
                if (!isNull(scalar)) {
                    items.add(new Setting(key, scalar.getValue(), origin(display, scalar)));
                }
            } else if (value instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (!(item instanceof ScalarNode scalarItem)) {
                        throw shape(display, item, "each item of '" + prefix + key + "' must be a single value",
                                "Write the list as '" + name + ": [a, b, c]'.");
                    }
                    items.add(new Setting(key, scalarItem.getValue(), origin(display, item)));
                }
            } else {
                throw shape(display, value, "'" + prefix + key + "' must be a value or a list of values",
                        "Write '" + name + ": value' or '" + name + ": [a, b, c]'.");
            }
            options.put(name, new ListSetting(key, items, origin(display, value)));
        }
        return options;
    }

    /** The {@code hooks:} mapping; today it holds only {@code postMigrate}. */
    private Optional<List<ListSetting>> readHooks(Node node, String display, String prefix) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            throw shape(display, node, "'" + prefix + "hooks' must be a mapping",
                    "Write 'hooks:' with 'postMigrate:' indented under it, followed by one argument list per line "
                            + "such as '- [npm, run, codegen]'.");
        }
        Optional<List<ListSetting>> postMigrate = Optional.empty();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarKey(tuple.getKeyNode(), display);
            if (!key.equals(SettingKey.POST_MIGRATE)) {
                throw KeelException.at(ErrorCode.CONFIG_UNKNOWN_KEY, at(display, tuple.getKeyNode().getStartMark().orElse(null)),
                        "Unknown key '" + prefix + "hooks." + key + "' in keel.yaml.",
                        "Under 'hooks', use one of: " + SettingKey.POST_MIGRATE + ".");
            }
            postMigrate = Optional.of(readHookList(tuple.getValueNode(), display, prefix));
        }
        return postMigrate;
    }

    private List<ListSetting> readHookList(Node node, String display, String prefix) {
        String key = SettingKey.HOOKS + "." + SettingKey.POST_MIGRATE;
        String example = "Write one argument list per hook, e.g.\n  postMigrate:\n    - [npm, run, codegen]\n"
                + "Keel never runs a shell, so it does not split a command line into arguments.";
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw shape(display, node, "'" + prefix + key + "' must be a list of hooks, each an argument list", example);
        }
        List<ListSetting> hooks = new ArrayList<>();
        for (Node hook : sequence.getValue()) {
            if (hook instanceof ScalarNode scalar) {
                String split = String.join(", ", scalar.getValue().trim().split("\\s+"));
                throw shape(display, hook, "a hook in '" + prefix + key + "' is the single string '" + scalar.getValue()
                        + "'; a hook must be an argument list",
                        "Write it as an argument list, e.g. '- [" + split + "]'. Keel never runs a shell, so it does not "
                                + "split a command line into arguments (for pipes or redirections, write a script and "
                                + "name it).");
            }
            if (!(hook instanceof SequenceNode arguments) || arguments.getValue().isEmpty()) {
                throw shape(display, hook, "a hook in '" + prefix + key + "' must be a non-empty argument list", example);
            }
            List<Setting> items = new ArrayList<>();
            for (Node argument : arguments.getValue()) {
                if (!(argument instanceof ScalarNode scalarArgument) || isNull(scalarArgument)) {
                    throw shape(display, argument, "each argument of a hook in '" + prefix + key + "' must be a string", example);
                }
                items.add(new Setting(key, scalarArgument.getValue(), origin(display, argument)));
            }
            if (items.get(0).value().isBlank()) {
                throw shape(display, arguments.getValue().get(0), "a hook in '" + prefix + key + "' must start with the program to run",
                        example);
            }
            hooks.add(new ListSetting(key, items, origin(display, hook)));
        }
        return hooks;
    }

    private void put(Map<SettingKey, Setting> target, String key, NodeTuple tuple, String display, String prefix) {
        Node keyNode = tuple.getKeyNode();
        // keys inside a mapping (snapshot.keep) are written nested, never with a dot
        SettingKey settingKey = SettingKey.byYamlName(key).filter(k -> !key.contains("."))
                .orElseThrow(() -> KeelException.at(ErrorCode.CONFIG_UNKNOWN_KEY,
                        at(display, keyNode.getStartMark().orElse(null)),
                        "Unknown key '" + prefix + key + "' in keel.yaml.",
                        "Use one of: " + SettingKey.yamlNames() + "."));
        target.put(settingKey, scalarSetting(settingKey, tuple.getValueNode(), display, prefix, key));
    }

    private Setting scalarSetting(SettingKey settingKey, Node value, String display, String prefix, String key) {
        String text;
        if (value instanceof ScalarNode scalar) {
            text = scalar.getValue();
        } else if (value instanceof SequenceNode sequence && settingKey == SettingKey.MIGRATIONS) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalarItem)) {
                    throw shape(display, item, "each entry of 'migrations' must be a path", "Write '- db/migrations'.");
                }
                items.add(scalarItem.getValue());
            }
            text = String.join(",", items);
        } else {
            throw shape(display, value, "'" + prefix + settingKey.yamlName() + "' must be a single value",
                    "Write '" + key + ": value'.");
        }
        return new Setting(settingKey.yamlName(), text, origin(display, value));
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    static String origin(String display, Node node) {
        return at(display, node.getStartMark().orElse(null)).toString();
    }

    static String scalarKey(Node node, String display) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw shape(display, node, "keys must be plain words", "Write 'key: value'.");
    }

    static KeelException shape(String display, Node node, String what, String fix) {
        return KeelException.at(ErrorCode.CONFIG_INVALID, at(display, node.getStartMark().orElse(null)),
                "In keel.yaml, " + what + ".", fix);
    }

    static Location at(String display, Mark mark) {
        return mark == null ? Location.of(display) : new Location(display, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String readText(Path path, String display) {
        try {
            if (Files.size(path) > MAX_CONFIG_BYTES) {
                throw KeelException.at(ErrorCode.CONFIG_INVALID, Location.of(display),
                        "keel.yaml is larger than 1 MiB; it cannot be a Keel configuration.", "Point --config at keel.yaml.");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw KeelException.at(ErrorCode.CONFIG_FILE_MISSING, Location.of(display),
                    "Configuration file " + display + " does not exist.", "Check the path given to --config.");
        } catch (CharacterCodingException e) {
            throw KeelException.at(ErrorCode.CONFIG_INVALID, Location.of(display),
                    "keel.yaml is not valid UTF-8.", "Save keel.yaml as UTF-8.");
        } catch (IOException e) {
            throw KeelException.at(ErrorCode.CONFIG_INVALID, Location.of(display),
                    "Cannot read " + display + ": " + e.getMessage(), "Make the file readable by the user running Keel.");
        }
    }
}
