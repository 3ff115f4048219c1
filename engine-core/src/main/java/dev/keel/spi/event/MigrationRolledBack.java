package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A migration's DOWN script ran and its history row was marked {@code rolled_back}. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrationRolledBack(String version, String downScript, int statements, long elapsedMs) implements KeelEvent {
}
