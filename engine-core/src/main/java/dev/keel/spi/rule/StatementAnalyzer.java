package dev.keel.spi.rule;

import dev.keel.spi.Api;
import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import java.util.Collection;
import java.util.Optional;

/**
 * Port: turns a statement cut by a dialect's splitter into the {@link ParsedStatement} rules see, and rates a
 * statement's risk (SPEC §5 baseline raised by its findings). Offered by a {@link RuleProvider} through
 * {@link RuleProvider#analyzer()} so that the engine lints without depending on a SQL parser; Keel's built-in
 * provider offers one, and the engine uses the first analyzer it finds. Must not throw for bad SQL.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface StatementAnalyzer {

    /** Parses one statement for {@code dialect} (a dialect id), aimed at {@code server} when known. */
    ParsedStatement parse(SqlStatement statement, String dialect, Optional<ServerInfo> server);

    /** The risk of {@code statement} in {@code migration}, given the findings reported on it. */
    Risk risk(ParsedStatement statement, MigrationContext migration, Collection<Finding> findingsOnStatement);
}
