package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Objects;

/**
 * A {@code -- keel:allow RULE-ID reason…} directive: the migration accepts a lint finding of that rule,
 * for the stated reason. A statement-level allowance applies to the statement that follows it
 * ({@code line} is the directive's line); a file-level one sits before the first statement.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Allowance(String ruleId, String reason, int line) {

    public Allowance {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an allowance needs a reason");
        }
    }
}
