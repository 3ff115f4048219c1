package dev.keel.spi.event;

import dev.keel.spi.Api;
import dev.keel.spi.rule.PolicyReport;

/**
 * The schema policies ran on the schema after a migration run (and applied their fixes where enabled).
 *
 * @param command the command that ran them ({@code migrate})
 * @param report  what they found, fixed, and what remains
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SchemaPolicyChecked(String command, PolicyReport report) implements KeelEvent {
}
