package dev.keel.spi.event;

import dev.keel.spi.Api;

/**
 * Work interrupted by a crash was finished or undone before this command did anything else.
 *
 * @param interrupted what was in progress ({@code snapshot take}, {@code migrate}, {@code restore})
 * @param action      what was done about it, in words
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record RecoveryPerformed(String interrupted, String action) implements KeelEvent {
}
