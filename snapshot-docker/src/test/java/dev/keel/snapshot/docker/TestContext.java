package dev.keel.snapshot.docker;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** What the engine would give the strategy, for tests: the options, the folder, and sessions from a supplier. */
record TestContext(String databaseUrl, SnapshotOptions options, Path snapshotDirectory,
        Supplier<DatabaseSession> sessions, AtomicInteger closedConnections) implements SnapshotContext {

    static TestContext of(String url, Path snapshots, Supplier<DatabaseSession> sessions, String... options) {
        java.util.LinkedHashMap<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], List.of(options[i + 1]));
        }
        return new TestContext(url, new SnapshotOptions(values, Map.of()), snapshots, sessions, new AtomicInteger());
    }

    @Override
    public String displayUrl() {
        return databaseUrl.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public String dialectId() {
        return "mysql";
    }

    @Override
    public DatabaseSession openSession() {
        return sessions.get();
    }

    @Override
    public void closeConnections() {
        closedConnections.incrementAndGet();
    }

    @Override
    public Duration readyTimeout() {
        return Duration.ofSeconds(90);
    }
}
