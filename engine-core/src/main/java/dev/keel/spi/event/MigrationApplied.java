package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A migration completed and was recorded. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationApplied(String version, String script, long elapsedMs) implements KeelEvent {
}
