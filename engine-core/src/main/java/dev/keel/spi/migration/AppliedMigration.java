package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.rule.Risk;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One row of the history table: one attempt at one migration (SPEC §3). */
@Api(status = Api.Status.STABLE, since = "0.1")
public record AppliedMigration(
        int rank,
        Version version,
        String description,
        String script,
        Checksum checksum,
        Optional<Checksum> downChecksum,
        MigrationStatus status,
        Instant appliedAt,
        String appliedBy,
        long executionMs,
        int statementsTotal,
        int statementsApplied,
        Optional<String> error,
        Optional<String> snapshotId,
        Optional<Risk> risk,
        String engineVersion,
        Optional<Instant> rolledBackAt) {

    public AppliedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(downChecksum, "downChecksum");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(rolledBackAt, "rolledBackAt");
    }

    /** Whether this attempt counts as applied now (success or baseline, not rolled back). */
    public boolean isApplied() {
        return status == MigrationStatus.SUCCESS || status == MigrationStatus.BASELINE;
    }
}
