package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run is protected as a whole (SPEC §6), shown by {@code keel plan}.
 *
 * @param kind     transactions suffice, a snapshot is taken, or the run is unprotected
 * @param strategy the snapshot strategy id when {@code kind} is {@code SNAPSHOT}
 * @param what     what is protected, in words (e.g. "SQLite file app.db through the online backup API"); empty otherwise
 * @param reason   why this protection, in words
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record RunProtection(Kind kind, Optional<String> strategy, String what, String reason) {

    public RunProtection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(reason, "reason");
        if ((kind == Kind.SNAPSHOT) != strategy.isPresent()) {
            throw new IllegalArgumentException("a strategy is named exactly when a snapshot is taken");
        }
    }

    /** Every migration runs in a transaction; nothing else is needed. */
    public static RunProtection transactions(String reason) {
        return new RunProtection(Kind.TRANSACTION, Optional.empty(), "", reason);
    }

    /** Some statements run outside any transaction and no snapshot covers them. */
    public static RunProtection unprotected(String reason) {
        return new RunProtection(Kind.UNPROTECTED, Optional.empty(), "", reason);
    }

    /** A snapshot is taken before the first statement and restored on failure. */
    public static RunProtection snapshot(String strategy, String what, String reason) {
        return new RunProtection(Kind.SNAPSHOT, Optional.of(strategy), what, reason);
    }

    /** The kinds of protection. */
    public enum Kind {
        TRANSACTION, SNAPSHOT, UNPROTECTED;

        /** Lower-case name for output. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
