package dev.keel.core.source;

import dev.keel.spi.migration.TransactionMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A section marker line: Keel's {@code -- === UP MIGRATION ===} / {@code -- === DOWN MIGRATION ===} or
 * dbmate's {@code -- migrate:up} / {@code -- migrate:down}.
 *
 * @param direction       which section it opens
 * @param line            the marker's line
 * @param transactionMode what a dbmate {@code transaction:false|true} option asks for, when given
 */
record Marker(Direction direction, CommentLine line, Optional<TransactionMode> transactionMode) {

    Marker {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(transactionMode, "transactionMode");
    }
}
