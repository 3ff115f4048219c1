package dev.keel.spi.rule;

import dev.keel.spi.Api;
import dev.keel.spi.migration.AppliedStep;
import java.util.List;

/**
 * The schema policies' verdict on a database: what they found, the fixes applied (each recorded in history as a
 * migration row whose script is {@code << policy-fix PACK >>}), and what remains after them.
 *
 * @param policies  the ids of the policies that ran
 * @param findings  what they found before any fix
 * @param fixes     the fixes applied and recorded, one per pack; empty when no fix was enabled or needed
 * @param remaining what they find after the fixes (equal to {@code findings} when nothing was fixed)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record PolicyReport(List<String> policies, List<PolicyFinding> findings, List<AppliedStep> fixes,
        List<PolicyFinding> remaining) {

    public PolicyReport {
        policies = List.copyOf(policies);
        findings = List.copyOf(findings);
        fixes = List.copyOf(fixes);
        remaining = List.copyOf(remaining);
    }

    /** Whether a remaining finding has severity error. */
    public boolean hasErrors() {
        return remaining.stream().anyMatch(f -> f.finding().severity() == Severity.ERROR);
    }
}
