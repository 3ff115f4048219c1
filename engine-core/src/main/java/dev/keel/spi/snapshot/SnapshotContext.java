package dev.keel.spi.snapshot;

import dev.keel.spi.Api;
import dev.keel.spi.session.DatabaseSession;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the engine tells a snapshot strategy when creating it. New methods arrive as default methods so that
 * existing strategies keep compiling.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SnapshotContext {

    /** The JDBC URL of the database to protect (it may hold a password: never print it, use {@link #displayUrl()}). */
    String databaseUrl();

    /** The URL with any password masked, for messages. */
    String displayUrl();

    /** The dialect id of the database: {@code sqlite}, {@code postgres}, {@code mysql}, or a plugin's. */
    String dialectId();

    /** The strategy's own options from {@code keel.yaml}. */
    SnapshotOptions options();

    /** The folder this strategy keeps its snapshots in (created with mode 0700 when missing). */
    Path snapshotDirectory();

    /**
     * Opens a new session on the database (the caller closes it). Throws {@code DATABASE_UNREACHABLE} while the
     * database is down, which is how a strategy waits for a restarted server to answer.
     */
    DatabaseSession openSession();

    /**
     * Tells the engine to close every pooled connection before the database is stopped or its file replaced; the
     * pool reconnects on next use.
     */
    void closeConnections();

    /**
     * The user Keel connects as when it is configured apart from the URL ({@code user} in keel.yaml, {@code KEEL_USER},
     * {@code --user}), for strategies that open connections of their own (e.g. to a maintenance database).
     */
    default java.util.Optional<String> user() {
        return java.util.Optional.empty();
    }

    /** The password configured apart from the URL; never print it. */
    default java.util.Optional<String> password() {
        return java.util.Optional.empty();
    }

    /** How long to wait for a restarted database to answer before giving up. */
    default Duration readyTimeout() {
        return Duration.ofSeconds(120);
    }
}
