package dev.keel.bootstrap;

import java.util.List;

/** Every check of {@code keel doctor}. */
public record DoctorReport(List<DoctorCheck> checks) {

    public DoctorReport {
        checks = List.copyOf(checks);
    }

    /** Whether no check failed. */
    public boolean ok() {
        return checks.stream().noneMatch(c -> c.outcome() == DoctorCheck.Outcome.FAIL);
    }
}
