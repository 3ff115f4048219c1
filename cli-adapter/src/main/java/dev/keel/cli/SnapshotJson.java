package dev.keel.cli;

import dev.keel.bootstrap.RestoreReport;
import dev.keel.spi.snapshot.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** JSON shapes of snapshots, shared by {@code migrate} and the {@code snapshot} commands. */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static Map<String, Object> snapshot(Snapshot snapshot) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", snapshot.id());
        map.put("strategy", snapshot.strategy());
        map.put("createdAt", snapshot.createdAt().toString());
        map.put("sizeBytes", snapshot.sizeBytes());
        map.put("location", snapshot.location());
        map.put("consumedByRestore", snapshot.consumedByRestore());
        map.put("metadata", new TreeMap<>(snapshot.metadata())); // sorted: the same snapshot prints the same way
        return map;
    }

    static Map<String, Object> restore(RestoreReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("snapshot", snapshot(report.snapshot()));
        map.put("verified", report.verified());
        map.put("elapsedMs", report.elapsedMs());
        return map;
    }
}
