package dev.keel.spi.rule;

import dev.keel.spi.Api;

/** Clauses and modifiers of a statement that rules ask about. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum Clause {
    /** {@code UPDATE}/{@code DELETE}/{@code SELECT} with a {@code WHERE}. */
    WHERE,
    IF_EXISTS, IF_NOT_EXISTS,
    /** PostgreSQL {@code CONCURRENTLY} ({@code CREATE/DROP INDEX}, {@code REINDEX}, {@code DETACH PARTITION}). */
    CONCURRENTLY,
    CASCADE,
    /** {@code UPDATE}/{@code DELETE} with {@code LIMIT}. */
    LIMIT,
    /** {@code UPDATE}/{@code DELETE} with {@code ORDER BY}. */
    ORDER_BY,
    /** {@code INSERT} naming its target columns. */
    COLUMN_LIST,
    /** {@code UNIQUE} index. */
    UNIQUE,
    /** {@code OR REPLACE}. */
    OR_REPLACE
}
