package dev.keel.bootstrap;

import dev.keel.bootstrap.DoctorCheck.Outcome;
import dev.keel.bootstrap.config.KeelSettings;
import dev.keel.bootstrap.plugin.DiscoveredProviders;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.DatabaseLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code keel doctor}: checks what a run needs (connection and server version, history table, migration
 * files, the lock, plugins, the work directory and its free space) and reports each, never stopping at the
 * first failure.
 */
final class Doctor {

    private static final long LOW_DISK_BYTES = 512L * 1024 * 1024;

    private final KeelSettings settings;
    private final DiscoveredProviders providers;
    private final Supplier<Engine.Files> files;
    private final Supplier<Engine.Connected> connect;
    private final Supplier<DoctorCheck> snapshot;

    Doctor(KeelSettings settings, DiscoveredProviders providers, Supplier<Engine.Files> files,
            Supplier<Engine.Connected> connect, Supplier<DoctorCheck> snapshot) {
        this.settings = settings;
        this.providers = providers;
        this.files = files;
        this.connect = connect;
        this.snapshot = snapshot;
    }

    DoctorReport run() {
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(new DoctorCheck("environment", Outcome.OK, settings.environment()));
        checks.add(new DoctorCheck("plugins", Outcome.OK, providers.dialects().size() + " dialects, "
                + providers.rules().size() + " rule providers, " + providers.snapshotStrategies().size()
                + " snapshot strategies, " + providers.pluginJars().size() + " plugin jars"));
        checks.add(check("migrations", () -> {
            Engine.Files read = files.get();
            return read.problems().isEmpty()
                    ? ok(read.scripts().size() + " migrations in " + settings.migrations())
                    : new DoctorCheck("migrations", Outcome.FAIL, read.problems().size() + " problem(s), first: "
                            + read.problems().get(0).summary());
        }));
        try (Engine.Connected c = connect.get()) {
            checks.add(ok("connection", c.session().displayUrl() + " (" + c.session().serverInfo() + ", dialect "
                    + c.dialect().id() + ")"));
            checks.add(check("history", () -> c.history().exists()
                    ? ok(c.history().tableName() + ": " + c.history().readAll().size() + " rows")
                    : ok(c.history().tableName() + " does not exist yet; the first migrate creates it")));
            checks.add(check("lock", () -> {
                try (DatabaseLock.Held held = c.dialect().lock(c.session()).acquire(Duration.ofSeconds(2))) {
                    return ok("migration lock can be taken");
                }
            }));
        } catch (KeelException e) {
            checks.add(new DoctorCheck("connection", Outcome.FAIL, e.problems().get(0).what() + " Fix: "
                    + e.problems().get(0).fix()));
        }
        checks.add(check("snapshot", snapshot));
        checks.add(workDirectory());
        return new DoctorReport(checks);
    }

    private DoctorCheck workDirectory() {
        Path dir = settings.workDirectory();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            return new DoctorCheck("work directory", Outcome.FAIL, dir + " cannot be created or written");
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String detail = dir + " (" + (free / (1024 * 1024)) + " MiB free)";
            return new DoctorCheck("work directory", free < LOW_DISK_BYTES ? Outcome.WARN : Outcome.OK, detail);
        } catch (IOException e) {
            return new DoctorCheck("work directory", Outcome.WARN, dir + ": free space unknown (" + e.getMessage() + ")");
        }
    }

    private static DoctorCheck check(String name, Supplier<DoctorCheck> body) {
        try {
            DoctorCheck result = body.get();
            return new DoctorCheck(name, result.outcome(), result.detail());
        } catch (KeelException e) {
            return new DoctorCheck(name, Outcome.FAIL, e.problems().get(0).what() + " Fix: " + e.problems().get(0).fix());
        }
    }

    private static DoctorCheck ok(String detail) {
        return new DoctorCheck("", Outcome.OK, detail);
    }

    private static DoctorCheck ok(String name, String detail) {
        return new DoctorCheck(name, Outcome.OK, detail);
    }
}
