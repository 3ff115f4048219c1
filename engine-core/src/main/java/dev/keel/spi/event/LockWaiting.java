package dev.keel.spi.event;

import dev.keel.spi.Api;

/** Another run holds the migration lock; this one waits up to the timeout. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record LockWaiting(String holder, long timeoutMs) implements KeelEvent {
}
