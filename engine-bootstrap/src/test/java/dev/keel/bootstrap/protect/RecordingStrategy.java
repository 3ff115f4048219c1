package dev.keel.bootstrap.protect;

import dev.keel.spi.Problem;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy whose "database" is one string held in memory: a pure unit stand-in for the journal and recovery logic
 * (the real strategies are tested against real files and servers in their own modules).
 */
final class RecordingStrategy implements SnapshotStrategy {

    String database = "before";
    final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    final Map<String, String> contents = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    RuntimeException failTake;
    RuntimeException failRestore;

    @Override
    public String id() {
        return "recording";
    }

    @Override
    public String describe() {
        return "a string in memory";
    }

    @Override
    public List<Problem> check() {
        return List.of();
    }

    @Override
    public Snapshot take(String id, Map<String, String> metadata, SnapshotProgress progress) {
        calls.add("take " + id);
        if (failTake != null) {
            throw failTake;
        }
        Snapshot s = new Snapshot(id, id(), Instant.parse("2026-11-22T08:00:00Z").plusSeconds(snapshots.size()), 6, "memory:" + id,
                false, metadata);
        snapshots.put(id, s);
        contents.put(id, database);
        return s;
    }

    @Override
    public void restore(Snapshot snapshot, SnapshotProgress progress) {
        calls.add("restore " + snapshot.id());
        if (failRestore != null) {
            throw failRestore;
        }
        database = contents.get(snapshot.id());
    }

    @Override
    public void discard(Snapshot snapshot) {
        calls.add("discard " + snapshot.id());
        snapshots.remove(snapshot.id());
    }

    @Override
    public List<Snapshot> list() {
        return List.copyOf(snapshots.values());
    }

    @Override
    public void abandonTake(String id, SnapshotProgress progress) {
        calls.add("abandon " + id);
    }
}
