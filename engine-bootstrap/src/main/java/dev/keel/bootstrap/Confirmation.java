package dev.keel.bootstrap;

/**
 * Whether and how a person accepted a run whose risk reaches the environment's confirmation threshold
 * ({@code confirmAt}); every accepted gate is recorded in the audit log with how it was accepted.
 */
public enum Confirmation {
    /** Not confirmed: a gated run is refused (exit 4). */
    NOT_GIVEN,
    /** Accepted in advance with {@code --yes} (or by an embedding program). */
    YES_FLAG,
    /** Accepted at a terminal prompt after the findings were shown. */
    TERMINAL
}
