package dev.keel.bootstrap;

import java.util.List;

/** What {@code keel repair} changed in history, one sentence per change. */
public record RepairReport(List<String> actions) {

    public RepairReport {
        actions = List.copyOf(actions);
    }
}
