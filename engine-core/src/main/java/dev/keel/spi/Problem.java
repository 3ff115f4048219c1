package dev.keel.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A user-facing problem: what is wrong (one sentence), where (when there is a place), and how to fix it.
 * The CLI renders it as text ({@code KEEL-E0301 file:3: what} / {@code fix: …}) or JSON.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Problem(ErrorCode code, String what, Optional<Location> where, String fix) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(fix, "fix");
    }

    /** A problem with no particular place. */
    public static Problem of(ErrorCode code, String what, String fix) {
        return new Problem(code, what, Optional.empty(), fix);
    }

    /** A problem at a place. */
    public static Problem at(ErrorCode code, Location where, String what, String fix) {
        return new Problem(code, what, Optional.of(where), fix);
    }

    /** One line: code, place and what. */
    public String summary() {
        return code.code() + where.map(w -> " " + w + ":").orElse("") + " " + what;
    }
}
