package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A run ended; how many migrations it applied. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record RunFinished(int applied, long elapsedMs) implements KeelEvent {
}
