package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One line of {@code keel status}: a version, where it stands, and what history says of it. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationState(
        Version version,
        String description,
        String script,
        State state,
        Optional<Instant> appliedAt,
        Optional<Long> executionMs,
        int statementsTotal,
        int statementsApplied,
        Optional<String> error) {

    public MigrationState {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(executionMs, "executionMs");
        Objects.requireNonNull(error, "error");
    }

    /** Where a version stands. */
    public enum State {
        APPLIED, PENDING, FAILED, PARTIAL, ROLLED_BACK, BASELINE, BELOW_BASELINE, MISSING, MODIFIED, RENAMED, OUT_OF_ORDER;

        /** Lower-case name with dashes, for output. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
