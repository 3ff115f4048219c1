package dev.keel.testkit;

import dev.keel.spi.ServerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One {@link RuleTester} case: a script, the dialect and server it is read for, and whether the rule must flag it.
 *
 * @param number         the case's 1-based position, for messages
 * @param expectsFinding whether the rule must report at least one finding ({@code flags}) or none ({@code passes})
 * @param dialect        the dialect id or alias
 * @param server         the server the rules assume, when given
 * @param script         the migration text
 */
record RuleCase(int number, boolean expectsFinding, String dialect, Optional<ServerInfo> server, String script) {

    /** How messages name the case: {@code [case 2] passes() on postgres}. */
    String title() {
        return "[case " + number + "] " + (expectsFinding ? "flags()" : "passes()") + " on " + dialect
                + server.map(s -> " (" + s + ")").orElse("");
    }

    /**
     * What went wrong in this case for the rule {@code ruleId}, if anything: the expectation not met, findings under
     * another id, or a problem that kept the rule from checking the script.
     */
    Optional<String> failure(CaseOutcome outcome, String ruleId) {
        if (outcome.problem().isPresent()) {
            return Optional.of(title() + ": " + outcome.problem().get() + "\n" + scriptShown());
        }
        CaseOutcome.Checked checked = (CaseOutcome.Checked) outcome;
        List<String> wrong = new ArrayList<>();
        List<StatementFinding> own = new ArrayList<>();
        for (StatementFinding f : checked.findings()) {
            if (f.finding().ruleId().equals(ruleId)) {
                own.add(f);
            } else {
                wrong.add("  the rule reported a finding under the id '" + f.finding().ruleId() + "', not its own id '"
                        + ruleId + "' (configuration and -- keel:allow go by the rule's id): " + f.describe());
            }
        }
        if (expectsFinding && own.isEmpty()) {
            wrong.add(0, "  expected a finding of " + ruleId + " on some statement, found none.\n" + checked.statementsSeen());
        } else if (!expectsFinding && !own.isEmpty()) {
            wrong.add(0, own.stream().map(f -> "    " + f.describe()).collect(Collectors.joining("\n",
                    "  expected no finding of " + ruleId + ", found " + own.size() + ":\n", "")));
        }
        return wrong.isEmpty() ? Optional.empty()
                : Optional.of(title() + ":\n" + String.join("\n", wrong) + "\n" + scriptShown());
    }

    private String scriptShown() {
        return script.lines().map(line -> "    | " + line).collect(Collectors.joining("\n", "  script:\n", ""));
    }
}
