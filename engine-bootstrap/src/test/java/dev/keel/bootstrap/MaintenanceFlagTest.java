package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceFlagTest {

    @TempDir
    Path work;

    @Test
    void raisedFlagIsOwnerOnlyAndNamesThisProcess() throws Exception {
        MaintenanceFlag flag = new MaintenanceFlag(work.resolve(".keel"));
        flag.raise();
        Path file = work.resolve(".keel/migration.lock");
        assertTrue(flag.isRaised());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).startsWith(ProcessHandle.current().pid() + " "));
        flag.lower();
        assertFalse(flag.isRaised());
        try (Stream<Path> left = Files.list(work.resolve(".keel"))) {
            assertEquals(0, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void loweringLeavesAFlagThatAnotherRunRaisedSince() throws Exception {
        MaintenanceFlag flag = new MaintenanceFlag(work);
        flag.raise();
        // the next run (another process) raised its own flag before this one lowered
        long other = ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(work.resolve("migration.lock"), other + " 2026-01-01T00:00:00Z\n");
        flag.lower();
        assertTrue(Files.exists(work.resolve("migration.lock")));
        assertTrue(flag.isRaised(), "the other run is alive");
    }

    @Test
    void raisingOverAStaleFlagReplacesIt() throws Exception {
        Files.writeString(work.resolve("migration.lock"), "999999999 2026-01-01T00:00:00Z\n");
        MaintenanceFlag flag = new MaintenanceFlag(work);
        assertFalse(flag.isRaised(), "a dead PID is stale");
        flag.raise();
        assertTrue(flag.isRaised());
    }
}
