package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import org.junit.jupiter.api.Test;

/**
 * {@link StatementParser} parses on the caller's thread instead of through JSqlParser's executor: it must accept and
 * reject exactly what {@code CCJSqlParserUtil.parse} does, with the same tree, and the watchdog must stop a parse.
 */
class ParseOnCallerThreadTest {

    @Test
    void accepts_and_rejects_what_jsqlparsers_own_entry_point_does_with_the_same_tree() throws Exception {
        StatementParser parser = new StatementParser();
        List<String[]> statements = statements();
        int accepted = 0;
        for (String[] ds : statements) {
            String dialect = ds[0];
            String sql = ds[1];
            Optional<String> ours = parser.parse(new SqlStatement(sql, 0, 1, 1), dialect, Optional.empty())
                    .detail(Statement.class).map(Object::toString);
            Optional<String> theirs = reference(sql, StatementParser.isMysql(dialect));
            assertEquals(theirs, ours, dialect + ": " + sql);
            accepted += ours.isPresent() ? 1 : 0;
        }
        assertTrue(statements.size() > 300 && accepted > 100 && accepted < statements.size(),
                "a mix of accepted and rejected statements: " + accepted + " of " + statements.size());
    }

    @Test
    void the_watchdog_interrupts_a_parse_past_its_deadline() throws InterruptedException {
        ParseWatchdog watchdog = new ParseWatchdog(20);
        CCJSqlParser parser = CCJSqlParserUtil.newParser("SELECT 1");
        try (ParseWatchdog.Watch watch = watchdog.watch(parser, 0)) {
            long until = System.nanoTime() + 5_000_000_000L;
            while (!parser.interrupted && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }
        assertTrue(parser.interrupted);
        CCJSqlParser finished = CCJSqlParserUtil.newParser("SELECT 1");
        watchdog.watch(finished, 0).close();
        // a patrol round long after the deadline, run here rather than waited for
        watchdog.interruptOverdue(System.nanoTime() + 60_000_000_000L);
        assertTrue(!finished.interrupted, "a parse no longer watched is left alone");
    }

    private static Optional<String> reference(String sql, boolean mysql) {
        try {
            Statement s = CCJSqlParserUtil.parse(sql, p -> {
                if (mysql) {
                    p.withBackslashEscapeCharacter(true);
                }
            });
            return s == null || s instanceof UnsupportedStatement ? Optional.empty() : Optional.of(s.toString());
        } catch (Exception | Error e) {
            return Optional.empty();
        }
    }

    /** Every statement of the labelled sets and of the unparseable list, with its dialect. */
    private static List<String[]> statements() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String dialect : List.of("postgres", "mysql", "sqlite")) {
            for (LabelledCase c : LabelledCase.load(Path.of("src/test/resources/labelled", dialect), dialect)) {
                for (SqlStatement st : ScriptSplitter.split(c.sql())) {
                    out.add(new String[] {dialect, st.sql()});
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/unparseable/statements.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cols = line.split("\t", 4);
                out.add(new String[] {cols[0], cols[3]});
            }
        }
        return out;
    }
}
