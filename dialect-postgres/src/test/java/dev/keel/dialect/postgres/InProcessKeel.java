package dev.keel.dialect.postgres;

import dev.keel.testkit.MigrationDirectory;
import dev.keel.core.migrate.MigrateRequest;
import dev.keel.core.migrate.Migrator;
import dev.keel.core.migrate.RunIdentity;
import dev.keel.core.source.MigrationReader;
import dev.keel.core.source.ReadResult;
import dev.keel.core.source.ReaderSettings;
import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.session.Row;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The core engine (reader, planner, migrator) over this dialect, in this JVM: what {@code keel migrate} does
 * without the CLI and configuration, which live in modules that depend on this one.
 */
final class InProcessKeel implements AutoCloseable {

    static final String HISTORY = "keel_schema_history";

    private final Dialect dialect = new PostgresDialect();
    private final ConnectionPool pool;
    private final List<KeelEvent> events = Collections.synchronizedList(new ArrayList<>());

    InProcessKeel(TestDatabase database) {
        pool = ConnectionPool.forUrl(dialect.driverUrl(database.url()), database.user(), database.password(),
                dialect.connectionProperties());
    }

    /** Reads the folder the way the engine does, failing on any file problem. */
    static List<MigrationScript> read(Path folder) {
        ReadResult read = new MigrationReader(ReaderSettings.defaults("postgres"))
                .read(List.of(new MigrationDirectory(folder)));
        read.throwIfProblems();
        return read.migrations();
    }

    MigrationReport migrate(Path folder) {
        List<MigrationScript> files = read(folder);
        try (DatabaseSession session = pool.open()) {
            Migrator migrator = new Migrator(dialect, session, dialect.history(session, HISTORY), events::add,
                    Clock.systemUTC(), new RunIdentity("it", "test"), Duration.ofSeconds(30), false);
            return migrator.migrate(files, MigrateRequest.all());
        }
    }

    SchemaFingerprint fingerprint() {
        try (DatabaseSession session = pool.open()) {
            return dialect.fingerprint(session, HISTORY);
        }
    }

    List<Row> query(String sql, Object... parameters) {
        try (DatabaseSession session = pool.open()) {
            return session.query(sql, parameters);
        }
    }

    void execute(String sql) {
        try (DatabaseSession session = pool.open()) {
            session.execute(sql);
        }
    }

    DatabaseSession session() {
        return pool.open();
    }

    Dialect dialect() {
        return dialect;
    }

    List<KeelEvent> events() {
        return events;
    }

    @Override
    public void close() {
        pool.close();
    }
}
