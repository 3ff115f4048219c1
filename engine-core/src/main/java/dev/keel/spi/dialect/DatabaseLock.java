package dev.keel.spi.dialect;

import dev.keel.spi.Api;
import dev.keel.spi.KeelException;
import java.time.Duration;

/** The cross-process migration lock of SPEC §12. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DatabaseLock {

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @return a handle whose {@code close} releases it
     * @throws KeelException {@code LOCK_TIMEOUT} when it was not acquired in time
     */
    Held acquire(Duration timeout);

    /** A held lock. */
    interface Held extends AutoCloseable {
        /** Releases the lock; never throws. */
        @Override
        void close();
    }
}
