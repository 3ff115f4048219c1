package dev.keel.cli;

import dev.keel.bootstrap.AcceptedFinding;
import dev.keel.bootstrap.LintReport;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.rule.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON document of {@code keel lint --format json}; docs/lint-output.md describes every field. */
final class LintJson {

    private LintJson() {
    }

    static Map<String, Object> document(LintReport report, int exitCode, ShownPaths paths) {
        Map<String, Object> document = JsonOutput.document("lint", exitCode == KeelCommand.DONE);
        document.put("exitCode", exitCode);
        document.put("dialect", report.dialect());
        report.server().ifPresent(s -> document.put("targetVersion", s.version()));
        document.put("risk", report.risk().label());
        document.put("cachedFiles", report.cachedFiles());
        document.put("files", report.files().stream().map(f -> file(f, paths)).toList());
        List<Map<String, Object>> findings = new ArrayList<>(report.findings().stream().map(f -> finding(f, paths)).toList());
        for (AcceptedFinding accepted : report.accepted()) {
            findings.add(accepted(accepted.finding(), accepted.allowance(), paths));
        }
        document.put("findings", findings);
        return document;
    }

    private static Map<String, Object> file(LintReport.FileLint file, ShownPaths paths) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", paths.shown(file.file()));
        map.put("risk", file.risk().label());
        map.put("statements", file.statements());
        map.put("findings", file.findings().size());
        map.put("accepted", file.accepted().size());
        map.put("cached", file.cached());
        return map;
    }

    /** A finding a {@code -- keel:allow} accepted: {@code accepted: true} and the directive as {@code acceptance}. */
    static Map<String, Object> accepted(Finding f, Allowance allowance, ShownPaths paths) {
        Map<String, Object> map = finding(f, paths);
        map.put("accepted", true);
        map.put("acceptance", Map.of("reason", allowance.reason(), "line", allowance.line(),
                "scope", allowance.scope().name().toLowerCase(Locale.ROOT)));
        return map;
    }

    /** One finding, as every command's JSON shows it (docs/lint-output.md). */
    static Map<String, Object> finding(Finding f, ShownPaths paths) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", f.ruleId());
        map.put("severity", f.severity().label());
        map.put("risk", f.risk().label());
        map.put("file", paths.shown(f.location().file()));
        map.put("line", f.location().line());
        map.put("column", f.location().column());
        map.put("excerpt", f.excerpt());
        map.put("message", f.message());
        map.put("remediation", f.remediation());
        map.put("docs", f.docsAnchor());
        map.put("accepted", false);
        return map;
    }
}
