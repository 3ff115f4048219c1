package dev.keel.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.StatementAnalyzer;
import dev.keel.spi.rule.StatementKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationContextBuilderTest {

    /** Parses every statement as OTHER, keeping what it was given, so the test sees what the builder passed on. */
    private static final StatementAnalyzer RECORDING = new StatementAnalyzer() {
        @Override
        public ParsedStatement parse(SqlStatement s, String dialect, Optional<ServerInfo> server) {
            return new ParsedStatement(s.sql(), s.index(), s.line(), s.column(), dialect, server, StatementKind.OTHER,
                    List.of(), Set.of(), false, List.of());
        }

        @Override
        public Risk risk(ParsedStatement statement, MigrationContext migration, Collection<Finding> findings) {
            return Risk.LOW;
        }
    };

    private static final List<SqlStatement> TWO = List.of(
            new SqlStatement("CREATE TABLE a (id int)", 0, 1, 1),
            new SqlStatement("CREATE TABLE b (id int)", 1, 3, 5));

    @Test
    void everyStatementIsParsedInOrderForTheDialectAndServer() {
        Optional<ServerInfo> server = Optional.of(new ServerInfo("PostgreSQL", "15.4", 15, 4));
        MigrationContext context = new MigrationContextBuilder(RECORDING)
                .build("V1__two.sql", TWO, "postgres", server, TransactionMode.TRANSACTIONAL);

        assertEquals("V1__two.sql", context.file());
        assertEquals(List.of("CREATE TABLE a (id int)", "CREATE TABLE b (id int)"),
                context.statements().stream().map(ParsedStatement::sql).toList());
        ParsedStatement second = context.statements().get(1);
        assertEquals(1, second.index());
        assertEquals(3, second.line());
        assertEquals(5, second.column());
        assertEquals("postgres", second.dialect());
        assertEquals(server, second.server());
    }

    @Test
    void onlyATransactionalMigrationIsWrapped() {
        MigrationContextBuilder builder = new MigrationContextBuilder(RECORDING);

        assertTrue(builder.build("f", TWO, "sqlite", Optional.empty(), TransactionMode.TRANSACTIONAL).wrapped());
        assertFalse(builder.build("f", TWO, "sqlite", Optional.empty(), TransactionMode.NONE).wrapped());
    }
}
