package dev.keel.core.source;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.TransactionMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One explicit say on whether a part runs in a transaction: {@code -- keel:transaction}, sqlx's
 * {@code -- no-transaction}, dbmate's {@code transaction:false} or popx's {@code .autocommit}.
 *
 * @param mode   what it asks for
 * @param source how it was asked, for messages
 * @param line   where (0 for the file name)
 */
record TransactionRequest(TransactionMode mode, String source, int line) {

    TransactionRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The mode the requests agree on (TRANSACTIONAL when there is none), or empty after a DIRECTIVE_INVALID
     * problem when one asks for a transaction and another for none.
     */
    static Optional<TransactionMode> resolve(List<TransactionRequest> requests, String shown, List<Problem> problems) {
        TransactionMode mode = TransactionMode.TRANSACTIONAL;
        TransactionRequest first = null;
        for (TransactionRequest request : requests) {
            if (first == null) {
                first = request;
                mode = request.mode();
            } else if (request.mode() != first.mode()) {
                TransactionRequest where = request.line() > 0 ? request : first;
                problems.add(Problem.at(ErrorCode.DIRECTIVE_INVALID, Location.of(shown, where.line()),
                        "The migration file " + shown + " both asks for a transaction and for none: "
                                + first.source() + " and " + request.source() + ".",
                        "keep only one of them; a migration runs either in a transaction or outside one."));
                return Optional.empty();
            }
        }
        return Optional.of(mode);
    }
}
