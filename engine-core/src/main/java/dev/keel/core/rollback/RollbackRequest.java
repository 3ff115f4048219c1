package dev.keel.core.rollback;

import dev.keel.spi.migration.Version;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to roll back: down to a version (exclusive: it stays applied) or a number of steps, newest first.
 *
 * @param to     roll back every migration applied after this version
 * @param steps  roll back this many of the most recently applied migrations
 * @param force  let migrations older than {@code maxAge} through
 * @param maxAge the rollback window ({@code maxRollbackAge}, default 24 h)
 */
public record RollbackRequest(Optional<Version> to, OptionalInt steps, boolean force, Duration maxAge) {

    public RollbackRequest {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(maxAge, "maxAge");
        if (to.isPresent() == steps.isPresent()) {
            throw new IllegalArgumentException("exactly one of --to and --steps");
        }
        if (steps.isPresent() && steps.getAsInt() < 1) {
            throw new IllegalArgumentException("--steps must be at least 1");
        }
    }
}
