package dev.keel.spi.migration;

import dev.keel.spi.Api;

/** How a migration's statements are wrapped. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum TransactionMode {
    /** In a transaction (its own, or the run's with {@code --atomic}). */
    TRANSACTIONAL,
    /**
     * Outside any transaction, one statement at a time: asked for with {@code -- keel:transaction none},
     * sqlx's {@code -- no-transaction}, dbmate's {@code transaction:false} or popx's {@code .autocommit}.
     */
    NONE
}
