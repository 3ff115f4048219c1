package dev.keel.spi.event;

import dev.keel.spi.Api;
import java.util.Locale;

/**
 * A step of a protected run (lock, validate, snapshot, apply, commit, hooks), numbered for people as
 * {@code [2/5] Creating database snapshot… [OK]}.
 *
 * @param number 1-based position
 * @param total  how many steps the run has
 * @param title  what the step does
 * @param state  started, done, skipped or failed
 * @param detail a short note (e.g. why it was skipped), empty when none
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record RunStep(int number, int total, String title, State state, String detail) implements KeelEvent {

    /** Where the step stands. */
    public enum State {
        STARTED, DONE, SKIPPED, FAILED;

        /** Lower-case name for output. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
