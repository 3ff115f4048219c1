package dev.keel.spi.event;

import dev.keel.spi.Api;

/** A migration failed at a statement (0-based index) and was rolled back. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MigrationFailed(String version, String script, int statementIndex, int statementLine, String error) implements KeelEvent {
}
