package dev.keel.cli;

import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.RecoveryPerformed;
import dev.keel.spi.event.RunStep;
import dev.keel.spi.event.SchemaPolicyChecked;
import dev.keel.spi.event.SnapshotProgressed;
import dev.keel.spi.event.SnapshotRestored;
import dev.keel.spi.event.SnapshotTaken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON shapes of the events a tool needs to follow a run: its steps, its snapshots and any recovery. Each is an
 * object with {@code type} (the event's name, e.g. {@code RunStep}) and the event's fields.
 */
final class EventJson {

    private EventJson() {
    }

    /** The event as JSON, or empty for events the migration lists already say (applied, failed, …). */
    static Optional<Map<String, Object>> of(KeelEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", event.getClass().getSimpleName());
        if (event instanceof RunStep e) {
            map.put("number", e.number());
            map.put("total", e.total());
            map.put("title", e.title());
            map.put("state", e.state().label());
            map.put("detail", e.detail() == null ? "" : e.detail());
        } else if (event instanceof SnapshotProgressed e) {
            map.put("snapshotId", e.snapshotId());
            map.put("operation", e.operation());
            map.put("phase", e.phase());
            map.put("done", e.done());
            map.put("total", e.total());
        } else if (event instanceof SnapshotTaken e) {
            map.put("snapshotId", e.snapshotId());
            map.put("strategy", e.strategy());
            map.put("sizeBytes", e.sizeBytes());
            map.put("elapsedMs", e.elapsedMs());
        } else if (event instanceof SnapshotRestored e) {
            map.put("snapshotId", e.snapshotId());
            map.put("verified", e.verified());
            map.put("elapsedMs", e.elapsedMs());
        } else if (event instanceof SchemaPolicyChecked e) {
            map.put("command", e.command());
            map.put("report", PolicyReportJson.report(e.report()));
        } else if (event instanceof RecoveryPerformed e) {
            map.put("interrupted", e.interrupted());
            map.put("action", e.action());
        } else {
            return Optional.empty();
        }
        return Optional.of(map);
    }
}
