package dev.keel.core.lint;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.StatementAnalyzer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link MigrationContext} rules see for one migration: every statement cut by the dialect's splitter,
 * parsed by the {@link StatementAnalyzer}, with the file and whether the runner wraps it in a transaction. The
 * engine's linter and the rule test kit both use it, so a plugin's tests see exactly what the engine gives the
 * plugin at run time.
 */
public final class MigrationContextBuilder {

    private final StatementAnalyzer analyzer;

    public MigrationContextBuilder(StatementAnalyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /**
     * The context of one migration.
     *
     * @param file       the migration file as shown to the user
     * @param statements its statements, in order, as the dialect's splitter cut them
     * @param dialect    the dialect id
     * @param server     the server the rules assume, when known
     * @param mode       the migration's transaction mode
     */
    public MigrationContext build(String file, List<SqlStatement> statements, String dialect, Optional<ServerInfo> server,
            TransactionMode mode) {
        List<ParsedStatement> parsed = statements.stream().map(s -> analyzer.parse(s, dialect, server)).toList();
        return new MigrationContext(file, mode == TransactionMode.TRANSACTIONAL, parsed);
    }
}
