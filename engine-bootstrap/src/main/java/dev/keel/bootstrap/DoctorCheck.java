package dev.keel.bootstrap;

import java.util.Locale;
import java.util.Objects;

/** One check of {@code keel doctor}: what was checked, how it went, and the detail or the fix. */
public record DoctorCheck(String name, Outcome outcome, String detail) {

    public DoctorCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /** How a check went. */
    public enum Outcome {
        OK, WARN, FAIL;

        /** Lower-case name for output. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
