package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code -- keel:allow RULE-ID[, RULE-ID…] reason…} directive: the migration accepts the lint findings of those
 * rules, for the stated reason. A {@link Scope#STATEMENT statement} allowance covers the next statement that starts
 * below its line; a {@link Scope#FILE file} allowance sits in the file's header, separated from the first statement
 * by a blank line, and covers every statement of the file.
 *
 * @param ruleIds the rule ids as written, at least one
 * @param reason  why the findings are acceptable; never blank
 * @param line    the directive's 1-based line in the file
 * @param scope   what it covers
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Allowance(List<String> ruleIds, String reason, int line, Scope scope) {

    /** What an allowance covers. */
    public enum Scope {
        /** The next statement that starts below the directive. */
        STATEMENT,
        /** Every statement of the file. */
        FILE
    }

    public Allowance {
        ruleIds = List.copyOf(ruleIds);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(scope, "scope");
        if (ruleIds.isEmpty() || ruleIds.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an allowance names at least one rule id");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an allowance needs a reason");
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1");
        }
    }

    /** Whether it names {@code ruleId}; ids are compared ignoring case. */
    public boolean names(String ruleId) {
        String wanted = ruleId.toLowerCase(Locale.ROOT);
        return ruleIds.stream().anyMatch(id -> id.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
