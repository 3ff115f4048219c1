package dev.keel.spi.rule;

import dev.keel.spi.Api;
import dev.keel.spi.migration.Allowance;
import java.util.Objects;

/**
 * A finding that a {@code -- keel:allow} directive accepted: it no longer stops a run, but it is still shown with the
 * reason its author gave, so that whoever applies the migration sees what was accepted and why.
 *
 * @param finding   the finding, as the rule reported it
 * @param allowance the directive that accepted it (its rule ids, reason, line and scope)
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Acceptance(Finding finding, Allowance allowance) {

    public Acceptance {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(allowance, "allowance");
    }
}
