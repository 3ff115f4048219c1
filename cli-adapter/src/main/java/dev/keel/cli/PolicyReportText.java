package dev.keel.cli;

import dev.keel.spi.migration.AppliedStep;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.PolicyReport;
import java.util.ArrayList;
import java.util.List;

/** The schema policies' report for people: each finding with its fix, what was fixed, and what remains. */
final class PolicyReportText {

    private PolicyReportText() {
    }

    /** The report's lines (picocli markup). */
    static List<String> lines(PolicyReport report) {
        List<String> lines = new ArrayList<>();
        int checked = report.policies().size();
        if (checked == 0) {
            lines.add("No schema policy runs here: turn a pack on with rules.packs in keel.yaml (Keel's own,"
                    + " type-normalisation, checks MySQL/MariaDB; see docs/schema-policies.md).");
            return lines;
        }
        String policies = checked + " schema polic" + (checked == 1 ? "y" : "ies");
        if (report.findings().isEmpty()) {
            lines.add("@|fg_green ✓|@ " + policies + ": the schema follows them.");
            return lines;
        }
        lines.add("@|bold Schema policies|@ (" + checked + " checked) found " + count(report.findings().size()) + ":");
        report.findings().forEach(f -> lines.addAll(finding(f)));
        for (AppliedStep fix : report.fixes()) {
            lines.add("Fixed by " + TextOutput.escape(fix.script()) + ": " + fix.statements() + " statement"
                    + (fix.statements() == 1 ? "" : "s") + ", recorded in history at version "
                    + TextOutput.escape(fix.version().text()) + ".");
        }
        if (!report.fixes().isEmpty()) {
            if (report.remaining().isEmpty()) {
                lines.add("@|fg_green ✓|@ Nothing remains: the schema follows the policies.");
            } else {
                lines.add("@|fg_yellow " + count(report.remaining().size()) + " remain|@ (no automatic fix):");
                report.remaining().forEach(f -> lines.add("  " + oneLine(f.finding())));
            }
        } else if (report.findings().stream().anyMatch(PolicyFinding::fixable)) {
            lines.add("@|faint Fix them in a migration, or let Keel apply the fixes after migrating: rules.fix in keel.yaml"
                    + " (docs/schema-policies.md).|@");
        }
        return lines;
    }

    private static List<String> finding(PolicyFinding f) {
        List<String> lines = new ArrayList<>();
        lines.add("  " + oneLine(f.finding()));
        if (f.fixable()) {
            f.fix().forEach(sql -> lines.add("    @|bold fix:|@ " + TextOutput.escape(sql) + ";"));
        } else {
            lines.add("    @|bold help:|@ " + TextOutput.escape(f.finding().remediation()));
        }
        return lines;
    }

    /** {@code warning: users.age: Column users.age is int(11)… [mysql-int-bigint]} */
    static String oneLine(Finding finding) {
        return "@|" + FindingText.style(finding.severity()) + " " + finding.severity().label() + "|@: "
                + TextOutput.escape(finding.location().file() + ": " + finding.message()) + " ["
                + TextOutput.escape(finding.ruleId()) + "]";
    }

    private static String count(int n) {
        return n + " finding" + (n == 1 ? "" : "s");
    }
}
