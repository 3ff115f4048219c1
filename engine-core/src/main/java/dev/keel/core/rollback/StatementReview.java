package dev.keel.core.rollback;

import dev.keel.spi.Risk;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.ParsedStatement;
import java.util.List;
import java.util.Objects;

/**
 * Port: the rules' view of a script's statements (parsed, rated, checked), as the engine's linter provides it.
 */
@FunctionalInterface
public interface StatementReview {

    /** Parses, rates and checks the statements of one script. */
    Reviewed review(String file, List<SqlStatement> statements, TransactionMode mode);

    /**
     * The review of one script.
     *
     * @param parsed   one parsed view per statement, in order
     * @param risk     the highest risk
     * @param findings every finding
     */
    record Reviewed(List<ParsedStatement> parsed, Risk risk, List<Finding> findings) {
        public Reviewed {
            parsed = List.copyOf(parsed);
            Objects.requireNonNull(risk, "risk");
            findings = List.copyOf(findings);
        }
    }
}
