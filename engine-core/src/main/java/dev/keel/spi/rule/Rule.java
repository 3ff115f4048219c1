package dev.keel.spi.rule;

import dev.keel.spi.Risk;
import dev.keel.spi.Api;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lint rule: looks at a statement in the context of its migration and reports what is dangerous about it.
 * Rules are stateless and thread-safe; they return every finding rather than throwing.
 *
 * <p>Teams configure rules in {@code keel.yaml} under {@code rules:} (disable, severity, risk, opt-in packs and
 * parameters); the engine applies that configuration around the rule, so a rule only declares its
 * {@link #pack() pack} and {@link #parameters() parameters} and reads its {@link #withOptions options}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface Rule {

    /** A stable, unique id in kebab-case (e.g. {@code pg-index-not-concurrent}); also the docs anchor. */
    String id();

    /** One line saying what the rule detects, for catalogues and {@code --help}. */
    String description();

    /** The severity of this rule's findings unless configuration changes it. */
    Severity defaultSeverity();

    /** The risk of this rule's findings (a finding may report a different one, e.g. version-dependent). */
    Risk defaultRisk();

    /** The findings for {@code statement}, which is one of {@code migration}'s statements; empty when none. */
    List<Finding> check(ParsedStatement statement, MigrationContext migration);

    /**
     * The opt-in pack this rule belongs to (e.g. {@code naming}): such a rule runs only where {@code rules.packs} in
     * {@code keel.yaml} names the pack. Empty, the default, for a rule that is always on.
     */
    default Optional<String> pack() {
        return Optional.empty();
    }

    /**
     * The parameters a team may set in {@code keel.yaml} under {@code rules.options.<rule id>}, each name mapped to one
     * line saying what it means and its default; none by default. Naming any other parameter is a configuration error.
     */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /**
     * This rule with the configured parameters applied; called once, before linting, only with names from
     * {@link #parameters()}.
     *
     * @param options parameter values as written in {@code keel.yaml}
     * @return the configured rule (this rule when nothing changes)
     * @throws IllegalArgumentException when a value is not acceptable; its message, which should say what the
     *                                  parameter expects, is shown as the configuration error
     */
    default Rule withOptions(Map<String, String> options) {
        return this;
    }
}
