package dev.keel.bootstrap;

/**
 * Whether and how a person accepted a run whose risk reaches the environment's confirmation threshold
 * ({@code confirmAt}); every accepted or refused gate is recorded in the audit log with how it was decided.
 */
public enum Confirmation {
    /** Not confirmed (no terminal to ask at, no {@code --yes}): a gated run is refused (exit 4). */
    NOT_GIVEN,
    /** Accepted in advance with {@code --yes} (or by an embedding program). */
    YES_FLAG,
    /** Accepted at a terminal prompt after the findings were shown. */
    TERMINAL,
    /** Refused at a terminal prompt (any answer but yes): the run is refused (exit 4). */
    DECLINED;

    /** How the audit log names who decided: {@code yes_flag}, {@code terminal} ({@code none} when nobody did). */
    String by() {
        return switch (this) {
            case NOT_GIVEN -> "none";
            case YES_FLAG -> "yes_flag";
            case TERMINAL, DECLINED -> "terminal";
        };
    }
}
