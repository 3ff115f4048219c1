package dev.keel.bootstrap.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLockTest {

    @TempDir
    Path work;

    @Test
    void aHeldLockIsNotGivenTwiceAndIsFreeAgainAfterClose() {
        WorkspaceLock lock = new WorkspaceLock(work);
        try (WorkspaceLock.Held held = lock.acquire(Duration.ofSeconds(1))) {
            assertTrue(lock.tryAcquire().isEmpty());
            KeelException e = assertThrows(KeelException.class, () -> lock.acquire(Duration.ofMillis(200)));
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
        }
        lock.tryAcquire().orElseThrow().close();
    }
}
