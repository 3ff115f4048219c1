package dev.keel.bootstrap;

import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.StatementAnalyzer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What lint results depend on besides the script: the Keel version, the statement analyzer, every discovered rule
 * with its configured severity, risk, options and whether it runs, and the code of each (the jar or class file it
 * was loaded from, by path, size and modification time, so a replaced plugin jar counts as a different rule set).
 */
final class RuleSetFingerprint {

    private RuleSetFingerprint() {
    }

    static String of(String keelVersion, StatementAnalyzer analyzer, ConfiguredRules rules) {
        StringBuilder text = new StringBuilder("keel=").append(keelVersion).append('\n');
        Map<String, String> code = new TreeMap<>();
        text.append("analyzer=").append(analyzer.getClass().getName()).append('\n');
        code.computeIfAbsent(codeOf(analyzer.getClass()), RuleSetFingerprint::stamp);
        for (RuleStatus status : rules.statuses()) {
            Rule rule = status.rule();
            text.append("rule=").append(rule.id()).append(' ').append(rule.getClass().getName())
                    .append(" runs=").append(status.enabled())
                    .append(" severity=").append(status.severity()).append(" risk=").append(status.risk())
                    .append(" options=").append(rules.options(rule.id())).append('\n');
            code.computeIfAbsent(codeOf(rule.getClass()), RuleSetFingerprint::stamp);
        }
        code.forEach((where, stamp) -> text.append("code=").append(where).append(' ').append(stamp).append('\n'));
        return text.toString();
    }

    /** The jar or class file a class was loaded from, as a path; the class name when that cannot be told. */
    private static String codeOf(Class<?> type) {
        URL url = type.getResource(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class");
        try {
            if (url == null) {
                return type.getName();
            }
            String text = url.toString();
            if (text.startsWith("jar:") && text.contains("!/")) {
                return Path.of(new URI(text.substring(4, text.indexOf("!/")))).toString();
            }
            return url.getProtocol().equals("file") ? Path.of(url.toURI()).toString() : text;
        } catch (URISyntaxException | RuntimeException e) {
            return type.getName();
        }
    }

    private static String stamp(String where) {
        try {
            Path path = Path.of(where);
            return Files.size(path) + "/" + Files.getLastModifiedTime(path).toMillis();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
