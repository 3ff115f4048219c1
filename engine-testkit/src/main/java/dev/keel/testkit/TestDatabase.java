package dev.keel.testkit;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A throwaway database made for one test class: where to connect, and how to get rid of it. {@link #close()} drops
 * it (for a server database: {@code DROP DATABASE}; for SQLite: deletes the file). Made by
 * {@link DatabaseProvisioning}, or with {@link #of} by a plugin that provisions another kind of database.
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final String description;
    private final Runnable drop;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestDatabase(String url, Optional<String> user, Optional<String> password, String description,
            Runnable drop) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.description = Objects.requireNonNull(description, "description");
        this.drop = Objects.requireNonNull(drop, "drop");
    }

    /**
     * A database made elsewhere.
     *
     * @param url         the JDBC URL of the new database
     * @param user        the user to connect as, if the URL does not say
     * @param password    the password, if any
     * @param description where it lives, for messages (no password)
     * @param drop        drops the database; run once, by the first {@link #close()}
     */
    public static TestDatabase of(String url, Optional<String> user, Optional<String> password, String description,
            Runnable drop) {
        return new TestDatabase(url, user, password, description, drop);
    }

    /** The JDBC URL of this database. */
    public String url() {
        return url;
    }

    /** The user to connect as, or empty when the URL carries it or none is needed. */
    public Optional<String> user() {
        return user;
    }

    /** The password, or empty for none. */
    public Optional<String> password() {
        return password;
    }

    /** Where the database lives and how it was found (server, environment variable, container), for messages. */
    public String description() {
        return description;
    }

    /** Drops the database. Later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            drop.run();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
