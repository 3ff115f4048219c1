package dev.keel.cli;

import dev.keel.bootstrap.Keel;
import dev.keel.bootstrap.LintReport;
import dev.keel.bootstrap.LintRequest;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel lint [FILES…]}: checks migrations against the rules without a database; exit 3 on an error finding. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check migration files against the lint rules without a database; exit 3 when a finding is an error.")
final class LintCommand extends KeelCommand {

    /** Exit code when a finding has severity error (SPEC §9: lint errors). */
    static final int LINT_ERRORS = 3;

    /** The report formats. */
    enum Format { text, json, sarif }

    @Parameters(paramLabel = "FILES", arity = "0..*",
            description = "Migration files to lint (default: every migration of the configured locations).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: text, json or sarif (default: text; json with --json).")
    Format format;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "Lint for this dialect (sqlite, postgres, mysql); default: the configured URL's dialect. No connection is opened.")
    String dialect;

    @Option(names = "--target-version", paramLabel = "VERSION", description = "Server version the rules assume (e.g. 15, 10.11); default: none (the oldest supported).")
    String targetVersion;

    LintCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Format chosen = format != null ? format : context.json() ? Format.json : Format.text;
        Path cwd = context.environment().workingDirectory();
        List<Path> resolved = files.stream().map(f -> f.isAbsolute() ? f : cwd.resolve(f).normalize()).toList();
        try (Keel keel = context.openKeel()) {
            LintReport report = keel.lint(new LintRequest(resolved, Optional.ofNullable(dialect),
                    Optional.ofNullable(targetVersion)));
            int code = report.hasErrors() ? LINT_ERRORS : DONE;
            switch (chosen) {
                case json -> context.jsonOutput().write(json(report, code));
                case sarif -> context.jsonOutput().write(sarif(report));
                default -> text(report);
            }
            return code;
        }
    }

    /** A file as shown: relative to the working directory when it lies below it. */
    private String shown(String file) {
        Path cwd = context.environment().workingDirectory();
        try {
            Path path = Path.of(file);
            return path.isAbsolute() && path.startsWith(cwd) ? cwd.relativize(path).toString() : file;
        } catch (RuntimeException e) {
            return file;
        }
    }

    private void text(LintReport report) {
        TextOutput out = context.text();
        for (Finding f : report.findings()) {
            String colour = switch (f.severity()) {
                case ERROR -> "bold,red";
                case WARNING -> "bold,yellow";
                case INFO -> "bold,blue";
            };
            out.line(TextOutput.escape(shown(f.location().file()) + ":" + f.location().line() + ":" + f.location().column()
                    + ": ") + "@|" + colour + " " + f.severity().label() + "|@: " + TextOutput.escape(f.message())
                    + " [" + f.ruleId() + "]");
            out.line("  @|bold help:|@ " + TextOutput.escape(f.remediation()));
        }
        long errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        out.plain(report.files().size() + " file(s), " + report.findings().size() + " finding(s), " + errors
                + " error(s); highest risk: " + report.risk().label() + ".");
    }

    private Map<String, Object> json(LintReport report, int code) {
        Map<String, Object> document = JsonOutput.document("lint", code == DONE);
        document.put("exitCode", code);
        document.put("dialect", report.dialect());
        report.server().ifPresent(s -> document.put("targetVersion", s.version()));
        document.put("risk", report.risk().label());
        List<Map<String, Object>> files = new ArrayList<>();
        for (LintReport.FileLint file : report.files()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("file", shown(file.file()));
            map.put("risk", file.risk().label());
            map.put("statements", file.statements());
            map.put("findings", file.findings().size());
            files.add(map);
        }
        document.put("files", files);
        document.put("findings", report.findings().stream().map(this::finding).toList());
        return document;
    }

    private Map<String, Object> finding(Finding f) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", f.ruleId());
        map.put("severity", f.severity().label());
        map.put("risk", f.risk().label());
        map.put("file", shown(f.location().file()));
        map.put("line", f.location().line());
        map.put("column", f.location().column());
        map.put("excerpt", f.excerpt());
        map.put("message", f.message());
        map.put("remediation", f.remediation());
        map.put("docs", f.docsAnchor());
        return map;
    }

    /** A minimal SARIF 2.1.0 log: one run, the rules that ran, one result per finding. */
    private Map<String, Object> sarif(LintReport report) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : report.rules()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", rule.id());
            map.put("shortDescription", Map.of("text", rule.description()));
            map.put("defaultConfiguration", Map.of("level", level(rule.defaultSeverity())));
            rules.add(map);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", Math.max(1, f.location().line()));
            region.put("startColumn", Math.max(1, f.location().column()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", shown(f.location().file()).replace('\\', '/')));
            physical.put("region", region);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.ruleId());
            result.put("level", level(f.severity()));
            result.put("message", Map.of("text", f.message() + " " + f.remediation()));
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            result.put("properties", Map.of("risk", f.risk().label(), "docs", f.docsAnchor()));
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "keel");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
