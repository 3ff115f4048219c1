package dev.keel.bootstrap;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.snapshot.SnapshotContext;
import dev.keel.spi.snapshot.SnapshotOptions;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What the engine gives a snapshot strategy: the database, its options and folder, and sessions outside the pool. */
record EngineSnapshotContext(
        String databaseUrl,
        String displayUrl,
        String dialectId,
        SnapshotOptions options,
        Path snapshotDirectory,
        Supplier<DatabaseSession> sessions,
        Runnable connectionCloser,
        java.util.Optional<String> user,
        java.util.Optional<String> password) implements SnapshotContext {

    /** The settings as text safe to print: the password is never shown. */
    @Override
    public String toString() {
        return "EngineSnapshotContext[" + displayUrl + ", " + dialectId + ", " + snapshotDirectory + "]";
    }

    @Override
    public DatabaseSession openSession() {
        return sessions.get();
    }

    @Override
    public void closeConnections() {
        connectionCloser.run();
    }
}
