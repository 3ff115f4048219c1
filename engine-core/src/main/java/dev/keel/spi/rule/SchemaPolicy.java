package dev.keel.spi.rule;

import dev.keel.spi.Api;
import dev.keel.spi.Risk;
import dev.keel.spi.schema.SchemaModel;
import java.util.List;
import java.util.Optional;

/**
 * One schema policy: a house convention checked on the schema the database has after migrating (SPEC §5), e.g.
 * "text columns are utf8mb4". Contributed by a {@link RuleProvider} through {@link RuleProvider#policies()};
 * stateless and thread-safe; returns every finding rather than throwing.
 *
 * <p>Configured in {@code keel.yaml} under {@code rules:} like a rule: its id may be disabled or re-levelled, and a
 * policy in an opt-in {@link #pack() pack} runs only where {@code rules.packs} names the pack. A finding may carry
 * fix statements; Keel applies them, as recorded statements, only where {@code rules.fix} names the policy's pack.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SchemaPolicy {

    /** A stable id in kebab-case, unique among rules and policies (e.g. {@code mysql-int-bigint}). */
    String id();

    /** One line saying what the policy requires, for catalogues and listings. */
    String description();

    /** The severity of this policy's findings unless configuration changes it. */
    Severity defaultSeverity();

    /** The risk of this policy's findings: how dangerous what it found is to leave (or to fix). */
    Risk defaultRisk();

    /** The dialect ids whose schemas this policy checks ({@code mysql}, …); it is not run on any other. */
    List<String> dialects();

    /** The findings on {@code schema}; empty when it follows the policy. */
    List<PolicyFinding> check(SchemaModel schema);

    /**
     * The opt-in pack this policy belongs to (e.g. {@code type-normalisation}); empty, the default, for a policy
     * that always runs.
     */
    default Optional<String> pack() {
        return Optional.empty();
    }
}
