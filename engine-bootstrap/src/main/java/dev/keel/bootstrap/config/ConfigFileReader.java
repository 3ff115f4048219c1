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
                return new ConfigFile(path, Map.of(), Map.of());
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
        Map<SettingKey, Setting> top = new EnumMap<>(SettingKey.class);
        Map<String, Map<SettingKey, Setting>> environments = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalarKey(tuple.getKeyNode(), display);
            if (key.equals("environments")) {
                readEnvironments(tuple.getValueNode(), display, environments);
            } else {
                put(top, key, tuple, display, "");
            }
        }
        return new ConfigFile(path, top, environments);
    }

    private void readEnvironments(Node node, String display, Map<String, Map<SettingKey, Setting>> environments) {
        if (!(node instanceof MappingNode mapping)) {
            throw shape(display, node, "'environments' must map environment names to their settings",
                    "Write e.g.\n  environments:\n    production:\n      url: jdbc:postgresql://db/app");
        }
        for (NodeTuple env : mapping.getValue()) {
            String name = scalarKey(env.getKeyNode(), display);
            Map<SettingKey, Setting> settings = new EnumMap<>(SettingKey.class);
            Node body = env.getValueNode();
            if (body instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                environments.put(name, settings);
                continue;
            }
            if (!(body instanceof MappingNode envMapping)) {
                throw shape(display, body, "environment '" + name + "' must hold settings", "Indent 'key: value' lines under it.");
            }
            for (NodeTuple tuple : envMapping.getValue()) {
                String key = scalarKey(tuple.getKeyNode(), display);
                put(settings, key, tuple, display, "environments." + name + ".");
            }
            environments.put(name, settings);
        }
    }

    private void put(Map<SettingKey, Setting> target, String key, NodeTuple tuple, String display, String prefix) {
        Node keyNode = tuple.getKeyNode();
        SettingKey settingKey = SettingKey.byYamlName(key).orElseThrow(() -> KeelException.at(ErrorCode.CONFIG_UNKNOWN_KEY,
                at(display, keyNode.getStartMark().orElse(null)),
                "Unknown key '" + prefix + key + "' in keel.yaml.",
                "Use one of: " + SettingKey.yamlNames() + "."));
        Node value = tuple.getValueNode();
        String origin = at(display, value.getStartMark().orElse(null)).toString();
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
            throw shape(display, value, "'" + prefix + key + "' must be a single value", "Write '" + key + ": value'.");
        }
        target.put(settingKey, new Setting(settingKey.yamlName(), text, origin));
    }

    private static String scalarKey(Node node, String display) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw shape(display, node, "keys must be plain words", "Write 'key: value'.");
    }

    private static KeelException shape(String display, Node node, String what, String fix) {
        return KeelException.at(ErrorCode.CONFIG_INVALID, at(display, node.getStartMark().orElse(null)),
                "In keel.yaml, " + what + ".", fix);
    }

    private static Location at(String display, Mark mark) {
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
