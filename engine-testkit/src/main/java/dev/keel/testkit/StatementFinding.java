package dev.keel.testkit;

import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.ParsedStatement;

/**
 * A finding with the statement the rule was given when it reported it.
 *
 * @param statement the statement, as the rule saw it
 * @param finding   what the rule reported
 */
record StatementFinding(ParsedStatement statement, Finding finding) {

    /** One line for a failure message: the statement and the finding. */
    String describe() {
        return CaseOutcome.place(statement) + ": " + finding.severity().label() + ", risk " + finding.risk().label()
                + ", [" + finding.ruleId() + "] " + finding.message();
    }
}
