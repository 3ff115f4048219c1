package dev.keel.cli;

import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.PolicyReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schema policies' report as JSON (docs/schema-policies.md#json). */
final class PolicyReportJson {

    private PolicyReportJson() {
    }

    static Map<String, Object> report(PolicyReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policies", report.policies());
        map.put("findings", findings(report.findings()));
        map.put("fixes", report.fixes().stream().map(MigrationJson::applied).toList());
        map.put("remaining", findings(report.remaining()));
        return map;
    }

    private static List<Map<String, Object>> findings(List<PolicyFinding> findings) {
        return findings.stream().map(PolicyReportJson::finding).toList();
    }

    private static Map<String, Object> finding(PolicyFinding f) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", f.finding().ruleId());
        map.put("severity", f.finding().severity().label());
        map.put("risk", f.finding().risk().label());
        map.put("table", f.table());
        map.put("column", f.column().orElse(null));
        map.put("current", f.finding().excerpt());
        map.put("message", f.finding().message());
        map.put("remediation", f.finding().remediation());
        map.put("docs", f.finding().docsAnchor());
        map.put("fix", f.fix());
        return map;
    }
}
