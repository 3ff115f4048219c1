package dev.keel.spi.rollback;

import dev.keel.spi.Api;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much data one DOWN statement destroys, measured on the live database before anything runs (SPEC §8).
 *
 * @param statementIndex 0-based index of the statement in its DOWN script
 * @param kind           what the statement destroys
 * @param table          the table concerned
 * @param column         the column concerned, for a dropped column
 * @param amount         rows (or non-null values) destroyed; empty when it could not be measured
 * @param bounded        whether {@code amount} is a lower bound (the count stopped at its limit)
 * @param description    the estimate in words, e.g. "drops table orders: 12,345 rows"
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record DataLoss(int statementIndex, Kind kind, String table, Optional<String> column, OptionalLong amount,
        boolean bounded, String description) {

    public DataLoss {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
    }

    /** Whether the amount is unknown. */
    public boolean unknown() {
        return amount.isEmpty();
    }

    /** What a statement destroys. */
    public enum Kind {
        /** {@code DROP TABLE}: every row. */
        TABLE_DROPPED,
        /** {@code TRUNCATE} or an unconditional {@code DELETE}: every row. */
        TABLE_EMPTIED,
        /** {@code ALTER TABLE … DROP COLUMN}: every non-null value of the column. */
        COLUMN_DROPPED,
        /** {@code DELETE … WHERE}: the matched rows. */
        ROWS_DELETED,
        /** A statement that destroys data Keel cannot measure (e.g. {@code DROP SCHEMA}). */
        NOT_MEASURED;

        /** Lower-case words for output and JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
