package dev.keel.snapshot.docker;

import dev.keel.spi.snapshot.SnapshotFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private Snapshot take(SnapshotStore store, String id, String container) throws IOException {
        Path partial = store.beginPartial(id, Map.of("containerId", "abc", "stopsContainer", "true"));
        Path archive = partial.resolve(SnapshotStore.ARCHIVE);
        SnapshotFiles.createPrivateFile(archive);
        Files.write(archive, new TestTar().folder("mysql").bytes());
        return store.publish(id, Map.of(Snapshot.FINGERPRINT, "f-" + id), Files.size(archive),
                Map.of("docker.container", container, "docker.dataPath", "/var/lib/mysql"));
    }

    @Test
    void a_take_is_partial_and_private_until_published() throws IOException {
        SnapshotStore store = new SnapshotStore(dir.resolve("a/snapshots"), "docker");
        Path partial = store.beginPartial("20261122T081530Z-3f2a", Map.of("stopsContainer", "true"));
        assertEquals("rwx------", mode(store.root()));
        assertEquals("rwx------", mode(partial));
        assertEquals("rw-------", mode(partial.resolve(SnapshotStore.TAKE_STATE)));
        assertEquals("true", store.takeState("20261122T081530Z-3f2a").orElseThrow().get("stopsContainer"));
        assertEquals(List.of(), store.list(p -> true), "a partial snapshot is never listed");

        SnapshotFiles.createPrivateFile(partial.resolve(SnapshotStore.ARCHIVE));
        Snapshot s = store.publish("20261122T081530Z-3f2a", Map.of(Snapshot.FINGERPRINT, "abc"), 0, Map.of());
        Path complete = store.complete(s.id());
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(complete.resolve(SnapshotStore.TAKE_STATE)), "the take state goes with publishing");
        assertEquals("rwx------", mode(complete));
        assertEquals("rw-------", mode(complete.resolve(SnapshotStore.ARCHIVE)));
        assertEquals("rw-------", mode(complete.resolve(SnapshotStore.PROPERTIES)));
        assertEquals(List.of(s.id()), store.list(p -> true).stream().map(Snapshot::id).toList());
        assertEquals("abc", store.list(p -> true).get(0).fingerprint().orElseThrow());
        assertFalse(store.list(p -> true).get(0).consumedByRestore());
    }

    @Test
    void list_keeps_to_its_strategy_and_container_and_discard_removes() throws IOException {
        SnapshotStore store = new SnapshotStore(dir, "docker");
        take(store, "20261122T081530Z-0001", "db");
        take(store, "20261122T081531Z-0002", "other");
        // a folder of another strategy in the same snapshot folder
        Path foreign = Files.createDirectories(dir.resolve("20261122T081532Z-0003"));
        Files.writeString(foreign.resolve(SnapshotStore.PROPERTIES), "id=20261122T081532Z-0003\nstrategy=filecopy\n");
        Files.writeString(foreign.resolve(SnapshotStore.ARCHIVE), "");
        Path foreignDeleting = Files.createDirectories(dir.resolve("20261122T081533Z-0004.deleting"));
        Files.writeString(foreignDeleting.resolve("database.sqlite"), "");

        assertEquals(List.of("20261122T081530Z-0001"), store.list(p -> "db".equals(p.get("docker.container")))
                .stream().map(Snapshot::id).toList());
        assertEquals(2, store.list(p -> true).size());

        store.discard("20261122T081530Z-0001");
        store.discard("20261122T081530Z-0001");
        assertFalse(Files.exists(dir.resolve("20261122T081530Z-0001")));
        assertEquals(List.of("20261122T081531Z-0002"), store.list(p -> true).stream().map(Snapshot::id).toList());
        assertTrue(Files.exists(foreign), "another strategy's snapshot is left alone");
        assertTrue(Files.exists(foreignDeleting), "another strategy's half-deleted snapshot is left to it");
    }

    @Test
    void leftovers_of_an_interrupted_discard_are_cleaned_up() throws IOException {
        SnapshotStore store = new SnapshotStore(dir, "docker");
        take(store, "20261122T081530Z-0001", "db");
        Files.move(dir.resolve("20261122T081530Z-0001"), dir.resolve("20261122T081530Z-0001.deleting"));
        assertEquals(List.of(), store.list(p -> true));
        assertFalse(Files.exists(dir.resolve("20261122T081530Z-0001.deleting")));
    }

    @Test
    void ids_that_could_name_anything_else_are_refused() {
        for (String bad : List.of("../x", "a/b", ".hidden", "x.partial", "x.deleting", "")) {
            KeelException e = assertThrows(KeelException.class, () -> SnapshotStore.checkId(bad));
            assertEquals(ErrorCode.SNAPSHOT_NOT_FOUND, e.code());
        }
    }
}
