package dev.keel.cli;

import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.PlannedMigration;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.migration.Version;
import dev.keel.spi.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test support: engine values built by hand for rendering tests. */
final class Records {

    private Records() {
    }

    static Snapshot snapshot(String id, long sizeBytes, boolean withFingerprint) {
        Map<String, String> metadata = withFingerprint
                ? Map.of(Snapshot.FINGERPRINT, "3866e78e", Snapshot.LABEL, "migrate", Snapshot.ENVIRONMENT, "development")
                : Map.of(Snapshot.LABEL, "manual");
        return new Snapshot(id, "filecopy", Instant.parse("2026-11-22T08:15:30.123Z"), sizeBytes,
                "/srv/app/.keel/snapshots/" + id, false, metadata);
    }

    /** No findings for any migration, paths shown relative to the test's working directory. */
    static PendingFindings findings() {
        return new PendingFindings(new ShownPaths(java.nio.file.Path.of("").toAbsolutePath()), version -> List.of(), version -> List.of());
    }

    static PlannedMigration planned(String version, String sql, boolean transactional) {
        MigrationScript script = new MigrationScript(Version.parse(version), "m" + version, version + "_m.sql",
                "migrations/" + version + "_m.sql", sql, 1, Checksum.of(sql), Optional.empty(),
                transactional ? TransactionMode.TRANSACTIONAL : TransactionMode.NONE, List.of(), List.of(), Optional.empty(),
                Map.of(), false);
        return new PlannedMigration(script, List.of(new SqlStatement(sql, 0, 1, 1)),
                transactional ? PlannedMigration.Protection.TRANSACTION : PlannedMigration.Protection.NONE,
                Optional.empty());
    }
}
