package dev.keel.cli;

import dev.keel.bootstrap.AcceptedFinding;
import dev.keel.bootstrap.LintReport;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SARIF 2.1.0 log of {@code keel lint --format sarif}, for code-scanning tools: one run, the rules that ran,
 * one result per finding. Files below the working directory are relative URIs on the base id {@code SRCROOT}
 * (the working directory), others absolute {@code file:} URIs. Checked against the SARIF 2.1.0 schema by
 * {@code LintSarifSchemaTest}.
 */
final class LintSarif {

    /** The base id of relative artifact URIs, as code-scanning services expect it. */
    static final String SOURCE_ROOT = "SRCROOT";

    private final ShownPaths paths;

    LintSarif(ShownPaths paths) {
        this.paths = paths;
    }

    Map<String, Object> log(LintReport report, String toolVersion) {
        List<String> ruleIds = report.rules().stream().map(Rule::id).toList();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "keel");
        driver.put("version", toolVersion);
        driver.put("rules", report.rules().stream().map(LintSarif::rule).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(Map.of("executionSuccessful", true)));
        run.put("originalUriBaseIds", Map.of(SOURCE_ROOT, Map.of("uri", directoryUri(paths.workingDirectory()))));
        // Keel counts columns in Java chars.
        run.put("columnKind", "utf16CodeUnits");
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            results.add(result(f, ruleIds.indexOf(f.ruleId())));
        }
        for (AcceptedFinding accepted : report.accepted()) {
            Map<String, Object> result = result(accepted.finding(), ruleIds.indexOf(accepted.finding().ruleId()));
            result.put("suppressions", List.of(Map.of("kind", "inSource",
                    "justification", accepted.allowance().reason())));
            results.add(result);
        }
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> rule(Rule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", rule.id());
        map.put("shortDescription", Map.of("text", rule.description()));
        map.put("defaultConfiguration", Map.of("level", level(rule.defaultSeverity())));
        map.put("properties", Map.of("risk", rule.defaultRisk().label()));
        return map;
    }

    private Map<String, Object> result(Finding f, int ruleIndex) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", Math.max(1, f.location().line()));
        region.put("startColumn", Math.max(1, f.location().column()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact(f.location().file()));
        physical.put("region", region);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.ruleId());
        if (ruleIndex >= 0) {
            result.put("ruleIndex", ruleIndex);
        }
        result.put("level", level(f.severity()));
        result.put("message", Map.of("text", f.message() + " " + f.remediation()));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("risk", f.risk().label());
        properties.put("excerpt", f.excerpt());
        properties.put("remediation", f.remediation());
        properties.put("docs", f.docsAnchor());
        result.put("properties", properties);
        return result;
    }

    /** Where a finding's file is, as a URI: relative on {@link #SOURCE_ROOT} below the working directory. */
    private Map<String, Object> artifact(String file) {
        String shown = paths.shown(file);
        if (shown.startsWith("classpath:")) {
            return Map.of("uri", "classpath:" + encodedPath(shown.substring("classpath:".length())));
        }
        try {
            Path path = Path.of(shown);
            if (path.isAbsolute()) {
                return Map.of("uri", path.toUri().toASCIIString());
            }
        } catch (InvalidPathException e) {
            // not a path of this platform: encoded as a relative reference below
        }
        String relative = encodedPath(shown.replace('\\', '/'));
        // A colon in the first segment would read as a URI scheme.
        boolean colonFirst = relative.contains(":") && relative.indexOf(':') < (relative + "/").indexOf('/');
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("uri", colonFirst ? "./" + relative : relative);
        location.put("uriBaseId", SOURCE_ROOT);
        return location;
    }

    /** A slash-separated path with every character a URI path may not hold percent-encoded. */
    private static String encodedPath(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a URI of a path alone always parses: " + path, e);
        }
    }

    private static String directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/"; // SARIF: a base URI ends with a slash
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
