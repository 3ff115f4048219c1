package dev.keel.spi.rule;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of a rule plugin, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.keel.spi.rule.RuleProvider}, on the classpath or in a jar in
 * {@code plugins/}. Plain Java: plugin authors never see Guice. Ids starting with {@code keel-}
 * are reserved for Keel's own providers.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface RuleProvider {

    /** A stable, unique id in kebab-case (e.g. {@code acme-table-comments}). */
    String id();

    /** The rules this provider contributes; none by default, so a provider may add rules in a later version. */
    default List<Rule> rules() {
        return List.of();
    }

    /**
     * The statement analyzer (SQL parser and risk baseline) this provider offers to the engine; none by default,
     * as a provider of rules only needs none. The engine uses the first one among the discovered providers.
     */
    default Optional<StatementAnalyzer> analyzer() {
        return Optional.empty();
    }

    /**
     * The schema policies this provider contributes, checked on the schema after migrating and by
     * {@code keel lint --schema}; none by default, so existing providers keep compiling.
     */
    default List<SchemaPolicy> policies() {
        return List.of();
    }
}
