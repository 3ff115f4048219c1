package dev.keel.spi.migration;

import dev.keel.spi.Api;
import java.util.Objects;

/** A migration that a run applied. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record AppliedStep(Version version, String description, String script, int statements, long executionMs) {

    public AppliedStep {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
    }
}
