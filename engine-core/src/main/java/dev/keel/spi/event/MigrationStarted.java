package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A migration is about to run. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationStarted(String version, String script, int statements, boolean transactional) implements KeelEvent {
}
