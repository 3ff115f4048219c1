package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random scripts built from PostgreSQL's tricky pieces (every one of them holding a {@code ;}): the splitter must give
 * back exactly the statements they were built from, at the right lines and columns, whatever the line endings.
 */
class PostgresStatementSplitterPropertyTest {

    private static final String[] PIECES = {
        "'a;b'", "'it''s;'", "E'it\\'s; \\\\'", "e'\\n;'", "\"col;\"\"x\"", "$$ ; $$", "$fn$ BEGIN x := 1; END; $fn$",
        "$a$ $b$ ; $b$ ; $a$", "/* ; */", "/* a /* b; */ c; */", "-- line; comment\n", "(1; 2)", "$1", "a$b", "x::int",
        "U&'d\\0061;'", "B'01'", "'$$'", "\"$$\"", "/* ' \" $$ */", "'/*'", "'--'", "CASE WHEN a THEN b END", "count(*)",
        "f($1, $2)", "ARRAY[1, 2]", "'{a,b}'::text[]", "->> 'k'", "#>> '{a}'", "E'\\x3B'",
    };
    private static final String[] WORDS = {"SELECT", "insert", "update", "x", "t1", "begin", "end", "atomic", "copy_", "stdin_"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024, 7_000_001})
    void randomScriptsSplitBackIntoTheirStatements(long seed) {
        Random random = new Random(seed);
        PostgresStatementSplitter splitter = new PostgresStatementSplitter();
        for (int round = 0; round < 300; round++) {
            String eol = random.nextBoolean() ? "\n" : "\r\n";
            List<String> statements = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int s = 0; s < count; s++) {
                statements.add(statement(random, eol));
            }
            StringBuilder script = new StringBuilder(random.nextBoolean() ? "-- header; with a semicolon" + eol : "");
            List<int[]> positions = new ArrayList<>();
            for (String statement : statements) {
                int blank = random.nextInt(3);
                script.append(eol.repeat(blank)).append(" ".repeat(random.nextInt(3)));
                positions.add(position(script.toString()));
                script.append(statement).append(random.nextBoolean() ? ";" : " ;").append(random.nextBoolean() ? eol : " ");
            }
            List<SqlStatement> got = splitter.split(script.toString(), "R.sql", 1);
            String context = "seed " + seed + " round " + round + ":\n" + script;
            assertEquals(statements, got.stream().map(SqlStatement::sql).toList(), context);
            for (int i = 0; i < got.size(); i++) {
                assertEquals(positions.get(i)[0] + ":" + positions.get(i)[1], got.get(i).line() + ":" + got.get(i).column(),
                        context);
            }
        }
    }

    /** Starts and ends with a word, so that no comment is at either end (the splitter leaves those out). */
    private static String statement(Random random, String eol) {
        StringBuilder s = new StringBuilder(WORDS[random.nextInt(3)]);
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            s.append(random.nextInt(4) == 0 ? eol : " ");
            s.append(PIECES[random.nextInt(PIECES.length)].replace("\n", eol));
            s.append(' ').append(WORDS[3 + random.nextInt(WORDS.length - 3)]);
        }
        return s.toString();
    }

    /** The line and column (1-based) just after a text. */
    private static int[] position(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
