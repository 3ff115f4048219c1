package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.StatementKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.update.Update;
import org.junit.jupiter.api.Test;

/**
 * {@link StatementParser} reads statements from their tokens and runs JSqlParser only where its tree could change
 * Keel's view: the findings, risks and views must be exactly those of parsing every statement with JSqlParser first
 * ({@link StatementParser#parsingEveryStatement()}, what Keel did before), on every statement of the labelled sets,
 * the unparseable list, the rule examples, the dialects' real-world migrations, the benchmark corpus and a list of
 * shapes at the edges of both readers.
 */
class LexicalFastPathTest {

    private static final List<Rule> RULES = new KeelRuleProvider().rules();

    /** One migration to lint both ways. */
    record Migration(String source, String dialect, List<SqlStatement> statements, Optional<ServerInfo> server,
            TransactionMode mode) {
    }

    @Test
    void the_fast_path_gives_the_findings_risks_and_views_of_parsing_every_statement() throws IOException {
        MigrationLinter fast = new MigrationLinter(new StatementParser(), RULES);
        MigrationLinter reference = new MigrationLinter(StatementParser.parsingEveryStatement(), RULES);
        List<Migration> migrations = migrations();
        int statements = 0;
        int knownRejected = 0;
        for (Migration m : migrations) {
            MigrationLinter.Result ours = fast.lint(m.source(), m.statements(), m.dialect(), m.server(), m.mode());
            MigrationLinter.Result theirs = reference.lint(m.source(), m.statements(), m.dialect(), m.server(), m.mode());
            assertEquals(theirs.findings(), ours.findings(), m.source());
            for (int i = 0; i < m.statements().size(); i++) {
                ParsedStatement o = ours.statements().get(i).statement();
                ParsedStatement t = theirs.statements().get(i).statement();
                String where = m.source() + " #" + i + " (" + m.dialect() + "): " + o.sql();
                assertEquals(t.kind(), o.kind(), where);
                assertEquals(t.objects(), o.objects(), where);
                assertEquals(t.clauses(), o.clauses(), where);
                assertEquals(theirs.statements().get(i).risk(), ours.statements().get(i).risk(), where);
                if (o.lexicalFallback()) {
                    assertTrue(t.lexicalFallback(), "marked as rejected, but JSqlParser parses it: " + where);
                    knownRejected++;
                }
                if (t.kind() == StatementKind.OTHER) {
                    assertEquals(t.lexicalFallback(), o.lexicalFallback(), "an unrecognised statement: " + where);
                }
                statements++;
            }
        }
        assertTrue(statements > 2_500 && knownRejected > 500, statements + " statements, " + knownRejected + " known rejected");
    }

    @Test
    void the_built_in_rules_never_ask_for_a_tree_and_few_statements_are_parsed_at_once() throws IOException {
        MigrationLinter linter = new MigrationLinter(new StatementParser(), RULES);
        int statements = 0;
        int parsed = 0;
        for (Migration m : migrations()) {
            for (MigrationLinter.StatementResult r : linter.lint(m.source(), m.statements(), m.dialect(), m.server(), m.mode()).statements()) {
                Optional<JsqlTree> tree = r.statement().detail(JsqlTree.class);
                assertFalse(tree.isPresent() && tree.get().parsed(), () -> "a rule parsed " + r.statement().sql());
                boolean handedOver = tree.isEmpty() && !JsqlRejectedSyntax.matches(r.statement().detail(SqlTokens.class).orElseThrow());
                parsed += handedOver ? 1 : 0;
                statements++;
            }
        }
        assertTrue(parsed < statements / 20, parsed + " of " + statements + " statements parsed at once");
    }

    @Test
    void a_vendor_statement_jsqlparser_rejects_is_never_handed_to_it() {
        ParsedStatement p = new StatementParser().parse(new SqlStatement("CREATE INDEX CONCURRENTLY i ON t (a)", 0, 1, 1),
                "postgres", Optional.empty());

        assertTrue(p.lexicalFallback());
        assertTrue(p.detail(JsqlTree.class).isEmpty(), "no tree to parse later");
        assertTrue(p.details().stream().noneMatch(Statement.class::isInstance));
    }

    @Test
    void a_plugin_gets_the_tree_on_first_request_and_the_same_tree_after() {
        ParsedStatement p = new StatementParser().parse(new SqlStatement("UPDATE users SET a = 1 WHERE id = 2", 0, 1, 1),
                "postgres", Optional.empty());
        JsqlTree tree = p.detail(JsqlTree.class).orElseThrow();

        assertFalse(tree.parsed(), "classified from the tokens, not parsed");
        Update update = JsqlParsedStatement.of(p).ast(Update.class).orElseThrow();
        assertTrue(tree.parsed());
        assertTrue(update == p.detail(Statement.class).orElseThrow(), "parsed once, then kept");
        assertTrue(p.details().contains(update), "details() hands out the tree, not its holder");
        assertFalse(p.lexicalFallback());
    }

    @Test
    void a_statement_whose_tree_could_change_the_view_is_parsed_at_once() {
        StatementParser parser = new StatementParser();
        ParsedStatement cte = parser.parse(new SqlStatement("WITH x AS (SELECT 1) UPDATE t SET a = 1", 0, 1, 1),
                "postgres", Optional.empty());
        ParsedStatement upsert = parser.parse(new SqlStatement(
                "INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1", 0, 1, 1), "postgres", Optional.empty());

        assertEquals(StatementKind.UPDATE, cte.kind(), "the tree's kind, not the tokens' SELECT");
        assertEquals(Optional.of("t"), cte.table());
        assertFalse(upsert.has(dev.keel.spi.rule.Clause.COLUMN_LIST), "DO UPDATE SET names no insert columns");
        assertTrue(cte.detail(JsqlTree.class).isEmpty() && cte.detail(Statement.class).isPresent());
    }

    // ---- the statements ------------------------------------------------------------------------------------------

    static List<Migration> migrations() throws IOException {
        List<Migration> out = new ArrayList<>();
        for (String dialect : List.of("postgres", "mysql", "sqlite")) {
            for (LabelledCase c : LabelledCase.load(Path.of("src/test/resources/labelled", dialect), dialect)) {
                out.add(new Migration(c.toString(), dialect, ScriptSplitter.split(c.sql()), c.server(), c.mode()));
            }
            try (Stream<Path> files = Files.walk(Path.of("../dialect-" + dialect + "/src/test/resources/realworld"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    out.add(new Migration(f.toString(), dialect, ScriptSplitter.split(Files.readString(f, StandardCharsets.UTF_8)),
                            Optional.empty(), TransactionMode.TRANSACTIONAL));
                }
            }
        }
        for (BuiltinRule rule : RuleCatalogue.builtin().rules()) {
            rule.example().ifPresent(e -> {
                out.add(new Migration(rule.id() + " bad example", e.dialect(), ScriptSplitter.split(e.bad()), e.badServer(),
                        TransactionMode.TRANSACTIONAL));
                out.add(new Migration(rule.id() + " good example", e.dialect(), ScriptSplitter.split(e.good()), e.goodServer(),
                        TransactionMode.TRANSACTIONAL));
            });
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/unparseable/statements.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cols = line.split("\t", 4);
                out.add(single("unparseable", cols[0], cols[3]));
            }
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/fastpath/shapes.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("##")) {
                String[] cols = line.split("\t", 2);
                out.add(single("shapes", cols[0], cols[1]));
            }
        }
        out.addAll(benchCorpus());
        return out;
    }

    private static Migration single(String source, String dialect, String sql) {
        return new Migration(source, dialect, List.of(new SqlStatement(sql, 0, 1, 1)), Optional.empty(), TransactionMode.TRANSACTIONAL);
    }

    /** The benchmark corpus sample, in migrations of 50 statements per dialect as the benchmark lints it. */
    private static List<Migration> benchCorpus() throws IOException {
        List<Migration> out = new ArrayList<>();
        String dialect = null;
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("src/test/resources/fastpath/bench-corpus.sql"), StandardCharsets.UTF_8));
        lines.add("=== end");
        for (String line : lines) {
            if (line.startsWith("##")) {
                continue;
            }
            if (!line.startsWith("=== ")) {
                sql.append(line).append('\n');
                continue;
            }
            if (dialect != null) {
                statements.add(new SqlStatement(sql.toString().strip(), statements.size(), 1 + statements.size(), 1));
            }
            String next = line.substring(4).strip();
            if (dialect != null && (!next.equals(dialect) || statements.size() == 50)) {
                out.add(new Migration("bench corpus " + dialect + " " + out.size(), dialect, List.copyOf(statements),
                        Optional.empty(), TransactionMode.TRANSACTIONAL));
                statements.clear();
            }
            dialect = next;
            sql.setLength(0);
        }
        return out;
    }
}
