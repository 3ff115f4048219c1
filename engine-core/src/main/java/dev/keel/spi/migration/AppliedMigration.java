package dev.keel.spi.migration;

import dev.keel.spi.Api;
import dev.keel.spi.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the history table: one attempt at one migration (SPEC §3). {@code statementChecksums} holds a
 * short checksum of each statement, so a partially applied migration can resume only when the statements it
 * already applied are unchanged; {@code schemaFingerprint} is the schema's hash after the run that applied it.
 */
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
        Optional<Instant> rolledBackAt,
        List<String> statementChecksums,
        Optional<String> schemaFingerprint) {

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
        statementChecksums = List.copyOf(statementChecksums);
        Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
    }

    /**
     * The start of the script name of a row that records a schema policy fix ({@code << policy-fix PACK >>}): such a
     * row has no migration file, so validation does not look for one, and a rollback passes over it.
     */
    public static final String POLICY_FIX_PREFIX = "<< policy-fix ";

    /** The script name recorded for the fix of a policy pack. */
    public static String policyFixScript(String pack) {
        return POLICY_FIX_PREFIX + pack + " >>";
    }

    /** Whether this row records a schema policy fix rather than a migration file. */
    public boolean isPolicyFix() {
        return script.startsWith(POLICY_FIX_PREFIX);
    }

    /** Whether this attempt counts as applied now (success or baseline, not rolled back). */
    public boolean isApplied() {
        return status == MigrationStatus.SUCCESS || status == MigrationStatus.BASELINE;
    }
}
