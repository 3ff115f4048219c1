package dev.keel.spi.rule;

import dev.keel.spi.Risk;
import dev.keel.spi.Api;
import java.util.List;

/**
 * One lint rule: looks at a statement in the context of its migration and reports what is dangerous about it.
 * Rules are stateless and thread-safe; they return every finding rather than throwing.
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
}
