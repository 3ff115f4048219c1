package dev.keel.core.source;

import dev.keel.spi.Problem;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.TransactionMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The UP or DOWN part of a file, read and checked.
 *
 * @param sql                the part's text (BOM removed, line endings as in the file)
 * @param firstLine          line of the file at which the text starts
 * @param checksum           checksum of the text
 * @param transactionMode    whether it runs in a transaction
 * @param allowances         {@code -- keel:allow} directives (UP only)
 * @param invalidAllowances  malformed {@code -- keel:allow} lines, left for lint to report (UP only)
 * @param irreversibleReason {@code -- keel:irreversible} reason (UP only)
 * @param metadata           header metadata (UP only)
 * @param noOp               whether the text holds only comments and whitespace
 */
record ScriptPart(
        String sql,
        int firstLine,
        Checksum checksum,
        TransactionMode transactionMode,
        List<Allowance> allowances,
        List<Problem> invalidAllowances,
        Optional<String> irreversibleReason,
        Map<String, String> metadata,
        boolean noOp) {

    ScriptPart {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(transactionMode, "transactionMode");
        allowances = List.copyOf(allowances);
        invalidAllowances = List.copyOf(invalidAllowances);
        Objects.requireNonNull(irreversibleReason, "irreversibleReason");
        metadata = Map.copyOf(metadata);
    }
}
