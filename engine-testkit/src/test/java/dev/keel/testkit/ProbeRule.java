package dev.keel.testkit;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A rule for the test kit's own tests: reports {@code message} on every statement {@code flagged} accepts, under
 * {@code reportedId} (its own id unless a test wants a misbehaving rule).
 */
record ProbeRule(String id, String reportedId, String message, BiPredicate<ParsedStatement, MigrationContext> flagged)
        implements Rule {

    /** A well-behaved rule with the id {@code probe-rule}. */
    static ProbeRule flagging(String message, BiPredicate<ParsedStatement, MigrationContext> flagged) {
        return new ProbeRule("probe-rule", "probe-rule", message, flagged);
    }

    @Override
    public String description() {
        return "flags what a test tells it to";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public Risk defaultRisk() {
        return Risk.MEDIUM;
    }

    @Override
    public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
        if (!flagged.test(statement, migration)) {
            return List.of();
        }
        return List.of(new Finding(reportedId, defaultSeverity(), defaultRisk(),
                new Location(migration.file(), statement.line(), statement.column()), statement.excerpt(), message,
                "do it another way", "probe#" + id));
    }
}
