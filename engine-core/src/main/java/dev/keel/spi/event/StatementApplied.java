package dev.keel.spi.event;

import dev.keel.spi.Api;

/** One statement of a migration ran (index is 0-based). */
@Api(status = Api.Status.STABLE, since = "0.1")
public record StatementApplied(String version, int index, int total, long elapsedMs) implements KeelEvent {
}
