package dev.keel.bootstrap;

import dev.keel.core.source.ScriptAllowances;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.Risk;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Matches the findings of one file to its {@code -- keel:allow} directives, and reports the directives themselves
 * when they are malformed ({@value #INVALID}, an error), name an unknown rule ({@value #UNKNOWN}) or accept nothing
 * ({@value #UNUSED}), both warnings. A statement allowance is preferred to a file allowance for the same finding.
 */
final class AllowanceMatcher {

    static final String INVALID = "keel-allow-invalid";
    static final String UNKNOWN = "keel-allow-unknown";
    static final String UNUSED = "keel-allow-unused";
    private static final String DOCS = "docs/migration-files.md#accepting-a-finding";

    private final String file;
    private final ScriptAllowances allowances;
    private final List<ParsedStatement> statements;
    /** "allowance line/lower-case rule id" pairs that accepted a finding. */
    private final Set<String> used = new HashSet<>();

    AllowanceMatcher(String file, ScriptAllowances allowances, List<ParsedStatement> statements) {
        this.file = file;
        this.allowances = allowances;
        this.statements = statements;
    }

    /** The allowance that accepts {@code finding} on {@code statement}, if any; it then counts as used. */
    Optional<Allowance> accepting(Finding finding, ParsedStatement statement) {
        Optional<Allowance> match = allowances.allowances().stream()
                .filter(a -> a.scope() == Allowance.Scope.STATEMENT && a.names(finding.ruleId())
                        && covered(a).filter(s -> s == statement).isPresent())
                .findFirst()
                .or(() -> allowances.allowances().stream()
                        .filter(a -> a.scope() == Allowance.Scope.FILE && a.names(finding.ruleId()))
                        .findFirst());
        match.ifPresent(a -> used.add(key(a, finding.ruleId())));
        return match;
    }

    /** Findings about the directives, once every statement has been matched. */
    List<Finding> directiveFindings(ConfiguredRules rules) {
        List<Finding> findings = new ArrayList<>();
        for (Problem problem : allowances.invalid()) {
            int line = problem.where().map(Location::line).orElse(0);
            findings.add(new Finding(INVALID, Severity.ERROR, Risk.LOW, new Location(file, line, 1), "-- keel:allow",
                    problem.what(), capitalised(problem.fix()), DOCS));
        }
        for (Allowance allowance : allowances.allowances()) {
            for (String id : allowance.ruleIds()) {
                if (!rules.known(id)) {
                    findings.add(about(allowance, UNKNOWN, "-- keel:allow names '" + id + "', which is not the id of an "
                                    + "installed rule, so it accepts nothing.",
                            "Correct the id ('keel lint --rules' lists every rule id, plugins' included), or remove it."));
                } else if (rules.running(id) && !used.contains(key(allowance, id))) {
                    findings.add(about(allowance, UNUSED, "-- keel:allow " + id + " accepts nothing: "
                                    + (allowance.scope() == Allowance.Scope.FILE ? "this file has"
                                            : covered(allowance).map(s -> "the statement on line " + s.line() + " has")
                                                    .orElse("no statement follows it, so there is"))
                                    + " no " + id + " finding.",
                            "Remove " + id + " from the directive if the finding is gone, or move the directive to the "
                                    + "comment lines directly above the statement it is meant for."));
                }
            }
        }
        return findings;
    }

    /** The statement a statement allowance covers: the first one that starts below it. */
    private Optional<ParsedStatement> covered(Allowance allowance) {
        return statements.stream().filter(s -> s.line() > allowance.line()).findFirst();
    }

    private Finding about(Allowance allowance, String ruleId, String message, String remediation) {
        String excerpt = "-- keel:allow " + String.join(", ", allowance.ruleIds()) + " " + allowance.reason();
        return new Finding(ruleId, Severity.WARNING, Risk.LOW, new Location(file, allowance.line(), 1),
                excerpt.length() > 100 ? excerpt.substring(0, 97) + "…" : excerpt, message, remediation, DOCS);
    }

    private static String key(Allowance allowance, String ruleId) {
        return allowance.line() + "/" + ruleId.toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
