package dev.keel.spi.rule;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SchemaPolicy} found on one table or column: a {@link Finding} (its location's file names the table,
 * or {@code table.column}; its excerpt is the current definition) and the statements that fix it, if the policy
 * knows them. Fix statements are complete statements without a terminating semicolon; one statement may fix
 * several findings, so the engine runs each distinct statement once.
 *
 * @param finding the finding, in the shape lint findings have
 * @param table   the table
 * @param column  the column, for a finding on one column
 * @param fix     statements that fix it, in order; empty when there is no automatic fix
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record PolicyFinding(Finding finding, String table, Optional<String> column, List<String> fix) {

    public PolicyFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        fix = List.copyOf(fix);
    }

    /** Whether the policy offers statements that fix it. */
    public boolean fixable() {
        return !fix.isEmpty();
    }

    /** The same finding with other levels (configured severity and risk). */
    public PolicyFinding withFinding(Finding adjusted) {
        return new PolicyFinding(adjusted, table, column, fix);
    }
}
