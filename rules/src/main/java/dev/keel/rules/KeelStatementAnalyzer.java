package dev.keel.rules;

import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.StatementAnalyzer;
import java.util.Collection;
import java.util.Optional;

/**
 * The built-in {@link StatementAnalyzer}: {@link StatementParser} (lexical classification, JSqlParser where its tree
 * tells more or a rule asks for it) and {@link RiskClassifier}.
 */
final class KeelStatementAnalyzer implements StatementAnalyzer {

    private final StatementParser parser = new StatementParser();
    private final RiskClassifier risks = new RiskClassifier();

    @Override
    public ParsedStatement parse(SqlStatement statement, String dialect, Optional<ServerInfo> server) {
        return parser.parse(statement, dialect, server);
    }

    @Override
    public Risk risk(ParsedStatement statement, MigrationContext migration, Collection<Finding> findingsOnStatement) {
        return risks.classify(statement, migration, findingsOnStatement);
    }
}
