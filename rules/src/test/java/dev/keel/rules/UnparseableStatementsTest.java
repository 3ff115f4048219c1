package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.StatementKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, acceptance 3: vendor statements JSqlParser rejects still get a kind and a risk from the lexical
 * fallback, and never crash the lint. The statements are in {@code unparseable/statements.tsv}.
 */
class UnparseableStatementsTest {

    record Row(String dialect, StatementKind kind, Risk risk, String sql) {
        @Override
        public String toString() {
            return dialect + ": " + sql;
        }
    }

    static Stream<Row> rows() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/unparseable/statements.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("##"))
                .map(l -> l.split("\t", 4))
                .map(p -> new Row(p[0], StatementKind.valueOf(p[1]), Risk.valueOf(p[2]), p[3]));
    }

    @Test
    void the_set_has_at_least_thirty_statements_across_all_dialects() throws IOException {
        List<Row> rows = rows().toList();
        assertTrue(rows.size() >= 30, "only " + rows.size() + " statements");
        assertEquals(3, rows.stream().map(Row::dialect).distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void jsqlparser_rejects_it_and_the_fallback_still_classifies_and_rates_it(Row row) {
        boolean rejected;
        try {
            Statement s = CCJSqlParserUtil.parse(row.sql(), p -> p.withTimeOut(5000));
            rejected = s instanceof UnsupportedStatement;
        } catch (JSQLParserException e) {
            rejected = true;
        }
        assertTrue(rejected, "JSqlParser now parses this statement; move it out of the unparseable set");

        MigrationLinter linter = new MigrationLinter(new StatementParser(), new KeelRuleProvider().rules());
        MigrationLinter.Result result = linter.lint("V1__vendor.sql", List.of(new SqlStatement(row.sql(), 0, 1, 1)),
                row.dialect(), Optional.empty(), TransactionMode.NONE);
        ParsedStatement parsed = result.statements().get(0).statement();

        assertTrue(parsed.lexicalFallback(), "classified by the lexical fallback");
        assertEquals(row.kind(), parsed.kind(), "kind");
        assertEquals(row.risk(), result.statements().get(0).risk(), () -> "risk; findings: " + result.findings());
    }

    @Test
    void a_statement_nothing_can_classify_is_reported_not_passed_silently() {
        MigrationLinter linter = new MigrationLinter(new StatementParser(), new KeelRuleProvider().rules());
        MigrationLinter.Result result = linter.lint("V1__odd.sql", List.of(new SqlStatement("FROBNICATE THE WIDGETS", 0, 1, 1)),
                "postgres", Optional.empty(), TransactionMode.TRANSACTIONAL);

        assertEquals(Risk.MEDIUM, result.risk());
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("unrecognised-statement")));
    }

    @Test
    void the_parser_never_throws_on_garbage() {
        StatementParser parser = new StatementParser();
        for (String sql : List.of("", ";", "'unterminated", "/* open comment", "$$ body", "CREATE", "ALTER TABLE", "(((")) {
            ParsedStatement p = parser.parse(new SqlStatement(sql.isEmpty() ? " " : sql, 0, 1, 1), "postgres", Optional.empty());
            assertTrue(p.lexicalFallback(), sql);
        }
        assertThrows(NullPointerException.class, () -> parser.parse(null, "postgres", Optional.empty()));
    }
}
