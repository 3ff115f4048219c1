package dev.keel.snapshot.filecopy;

import dev.keel.jdbc.JdbcDatabaseSession;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's side of a snapshot strategy, for tests: real JDBC connections through {@link DriverManager}, in the
 * engine's {@link JdbcDatabaseSession}.
 */
final class TestSnapshotContext implements SnapshotContext {

    private final String url;
    private final String dialectId;
    private final Path snapshotDirectory;
    private final SnapshotOptions options;
    private final Duration readyTimeout;
    final AtomicInteger connectionsClosed = new AtomicInteger();

    TestSnapshotContext(String url, String dialectId, Path snapshotDirectory, SnapshotOptions options,
            Duration readyTimeout) {
        this.url = url;
        this.dialectId = dialectId;
        this.snapshotDirectory = snapshotDirectory;
        this.options = options;
        this.readyTimeout = readyTimeout;
    }

    static TestSnapshotContext of(String url, String dialectId, Path snapshotDirectory) {
        return new TestSnapshotContext(url, dialectId, snapshotDirectory, SnapshotOptions.empty(), Duration.ofSeconds(60));
    }

    /** Options as {@code keel.yaml} would give them: each name to one value or a list. */
    static SnapshotOptions options(Map<String, List<String>> values) {
        Map<String, String> origins = new LinkedHashMap<>();
        values.keySet().forEach(k -> origins.put(k, "keel.yaml:7:5"));
        return new SnapshotOptions(values, origins);
    }

    TestSnapshotContext withOptions(SnapshotOptions newOptions) {
        return new TestSnapshotContext(url, dialectId, snapshotDirectory, newOptions, readyTimeout);
    }

    @Override
    public String databaseUrl() {
        return url;
    }

    @Override
    public String displayUrl() {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public String dialectId() {
        return dialectId;
    }

    @Override
    public SnapshotOptions options() {
        return options;
    }

    @Override
    public Path snapshotDirectory() {
        return snapshotDirectory;
    }

    @Override
    public DatabaseSession openSession() {
        try {
            // The engine's own session class, over a connection of its own as ConnectionPool#openUnpooled opens it;
            // no secret to scrub: the tests' databases take no password.
            Connection connection = DriverManager.getConnection(url);
            connection.setAutoCommit(true);
            return new JdbcDatabaseSession(connection, displayUrl(), null);
        } catch (SQLException e) {
            throw KeelException.of(ErrorCode.DATABASE_UNREACHABLE, "cannot connect to " + displayUrl() + ": "
                    + e.getMessage(), "start the database");
        }
    }

    @Override
    public void closeConnections() {
        connectionsClosed.incrementAndGet();
    }

    @Override
    public Duration readyTimeout() {
        return readyTimeout;
    }
}
