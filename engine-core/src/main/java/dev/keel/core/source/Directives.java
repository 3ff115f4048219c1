package dev.keel.core.source;

import dev.keel.spi.Problem;
import dev.keel.spi.migration.Allowance;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directives and header metadata of one part of a file.
 *
 * @param transactionRequests {@code -- keel:transaction} lines
 * @param allowances          {@code -- keel:allow} lines (UP only)
 * @param invalidAllowances   {@code -- keel:allow} lines without a rule id or a reason: lint reports them as findings
 * @param irreversibleReason  the reason of the first {@code -- keel:irreversible} (UP only)
 * @param metadata            header comments before the first statement (UP only), keys in lower case
 */
record Directives(
        List<TransactionRequest> transactionRequests,
        List<Allowance> allowances,
        List<Problem> invalidAllowances,
        Optional<String> irreversibleReason,
        Map<String, String> metadata) {

    Directives {
        transactionRequests = List.copyOf(transactionRequests);
        allowances = List.copyOf(allowances);
        invalidAllowances = List.copyOf(invalidAllowances);
        metadata = Map.copyOf(metadata);
    }
}
