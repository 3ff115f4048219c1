package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A run started: the command, the database (URL masked) and how many migrations are pending. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record RunStarted(String command, String target, int pending) implements KeelEvent {
}
