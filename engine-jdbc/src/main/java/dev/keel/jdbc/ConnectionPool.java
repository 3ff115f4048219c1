package dev.keel.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Opens {@link JdbcDatabaseSession}s from a HikariCP pool built from a URL, or from a {@link DataSource}
 * an embedding program passes in (which Keel then does not close).
 */
public final class ConnectionPool implements AutoCloseable {

    private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final HikariDataSource owned;
    private final String displayUrl;
    private final String secret;
    private final HikariConfig config;

    private ConnectionPool(DataSource dataSource, HikariDataSource owned, String displayUrl, String secret,
            HikariConfig config) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.displayUrl = displayUrl;
        this.secret = secret;
        this.config = config;
    }

    /**
     * A small pool for a URL. Connections are opened lazily, so building it never fails on an unreachable database.
     *
     * @param properties driver properties (e.g. SQLite's {@code busy_timeout})
     */
    public static ConnectionPool forUrl(String url, Optional<String> user, Optional<String> password,
            Map<String, String> properties) {
        return forUrl(url, url, user, password, properties, DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * As {@link #forUrl(String, Optional, Optional, Map)}, for a driver URL that a dialect derived from the configured
     * one (messages show the configured URL, masked), waiting up to {@code connectionTimeout} for a connection.
     */
    public static ConnectionPool forUrl(String configuredUrl, String url, Optional<String> user,
            Optional<String> password, Map<String, String> properties, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        properties.forEach(config::addDataSourceProperty);
        config.setPoolName("keel");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        // -1: do not connect while building; the first session reports an unreachable database clearly.
        config.setInitializationFailTimeout(-1);
        // Fail within seconds on a wrong URL or a stopped server, as a command-line user expects (the dialect says).
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setAutoCommit(true);
        HikariConfig copy = new HikariConfig();
        config.copyStateTo(copy);
        HikariDataSource pool = new HikariDataSource(config);
        return new ConnectionPool(pool, pool, MaskedUrl.of(configuredUrl).text(), password.orElse(null), copy);
    }

    /** Sessions over a data source owned by the caller. */
    public static ConnectionPool forDataSource(DataSource dataSource, String displayName) {
        return new ConnectionPool(dataSource, null, displayName, null, null);
    }

    /** Opens a session; the caller closes it. */
    public JdbcDatabaseSession open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return new JdbcDatabaseSession(connection, displayUrl, secret);
        } catch (SQLException e) {
            throw KeelException.of(ErrorCode.DATABASE_UNREACHABLE,
                    "Cannot connect to " + displayUrl + ": " + MaskedUrl.scrub(rootMessage(e), secret),
                    "Check the URL, user and password (--url, --user, --password-env) and that the database is running.");
        }
    }

    /**
     * Opens a session on a connection of its own, outside the pool, failing at once when the database does not
     * answer: for waiting on a server that is being restarted. The caller closes it.
     */
    public JdbcDatabaseSession openUnpooled() {
        if (config == null) {
            return open();
        }
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) {
            properties.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            properties.setProperty("password", config.getPassword());
        }
        try {
            Connection connection = java.sql.DriverManager.getConnection(config.getJdbcUrl(), properties);
            connection.setAutoCommit(true);
            return new JdbcDatabaseSession(connection, displayUrl, secret);
        } catch (SQLException e) {
            throw KeelException.of(ErrorCode.DATABASE_UNREACHABLE,
                    "Cannot connect to " + displayUrl + ": " + MaskedUrl.scrub(rootMessage(e), secret),
                    "Check that the database is running.");
        }
    }

    /** The URL with passwords masked. */
    public String displayUrl() {
        return displayUrl;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }
}
