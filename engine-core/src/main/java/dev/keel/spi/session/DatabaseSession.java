package dev.keel.spi.session;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.Api;
import dev.keel.spi.KeelException;
import java.util.List;

/**
 * Port: one connection to the target database, as the core sees it. Keeps {@code java.sql} out of
 * the core. Every failure is a {@link KeelException} with code {@code DATABASE_ERROR} whose message
 * is the database's own (passwords masked).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DatabaseSession extends AutoCloseable {

    /** Runs one statement that returns no rows. */
    void execute(String sql);

    /** Runs a parameterised update; returns the affected row count. */
    int update(String sql, Object... parameters);

    /** Runs a parameterised query. */
    List<Row> query(String sql, Object... parameters);

    /** Starts a transaction (autocommit off until commit or rollback). */
    void begin();

    /** Commits the open transaction. */
    void commit();

    /** Rolls back the open transaction; never throws when there is none. */
    void rollback();

    /** Whether a transaction is open. */
    boolean inTransaction();

    /** Product name and version reported by the server. */
    ServerInfo serverInfo();

    /** The URL with any password masked, for messages. */
    String displayUrl();

    /** Closes the connection; never throws. */
    @Override
    void close();
}
