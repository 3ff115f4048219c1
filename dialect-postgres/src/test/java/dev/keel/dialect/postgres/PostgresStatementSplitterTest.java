package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.testkit.StatementSplitterContractTest;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** PostgreSQL's own splitting cases; the cases every dialect passes come from {@link StatementSplitterContractTest}. */
class PostgresStatementSplitterTest extends StatementSplitterContractTest {

    @Override
    protected StatementSplitter splitter() {
        return new PostgresStatementSplitter();
    }

    @Nested
    class Operators {

        @Test
        void castsAndOperatorsAreNotSpecial() {
            assertEquals(List.of("SELECT '1'::int + 2 * 3 / 4 - -5, a->>'k', b #>> '{a,b}' FROM t", "SELECT 2"),
                    texts("SELECT '1'::int + 2 * 3 / 4 - -5, a->>'k', b #>> '{a,b}' FROM t; SELECT 2"));
        }
    }

    @Nested
    class Strings {

        @Test
        void backslashIsPlainInStandardStrings() {
            assertEquals(List.of("SELECT 'C:\\'", "SELECT 2"), texts("SELECT 'C:\\'; SELECT 2"));
        }

        @Test
        void escapeStringsUseBackslashes() {
            assertEquals(List.of("SELECT E'it\\'s; \\\\ fine'", "SELECT e'\\n;'", "SELECT E'a''b;'", "SELECT 4"),
                    texts("SELECT E'it\\'s; \\\\ fine'; SELECT e'\\n;'; SELECT E'a''b;'; SELECT 4"));
        }

        @Test
        void wordsEndingInEAreNotEscapeStringPrefixes() {
            // "type" followed by a string: standard string, the backslash is plain, so the quote closes it
            assertEquals(List.of("SELECT type'\\'", "SELECT 2"), texts("SELECT type'\\'; SELECT 2"));
        }

        @Test
        void otherPrefixedStringsAreStandard() {
            assertEquals(List.of("SELECT B'01', X'1F', N'x;', U&'d\\0061t;'", "SELECT 2"),
                    texts("SELECT B'01', X'1F', N'x;', U&'d\\0061t;'; SELECT 2"));
        }

        @Test
        void quotedIdentifiers() {
            assertEquals(List.of("CREATE TABLE \"a;\"\"b\" (\"x;\" int)", "SELECT \"$$\" FROM \"a;\"\"b\""),
                    texts("CREATE TABLE \"a;\"\"b\" (\"x;\" int);SELECT \"$$\" FROM \"a;\"\"b\";"));
        }

        @Test
        void stringsMayHoldCommentMarkersAndDollarSigns() {
            assertEquals(List.of("INSERT INTO t VALUES ('-- no', '/* no', '$$ no')", "SELECT 2"),
                    texts("INSERT INTO t VALUES ('-- no', '/* no', '$$ no'); SELECT 2"));
        }
    }

    @Nested
    class DollarQuotes {

        @Test
        void functionBodyWithoutTag() {
            String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
                    + "BEGIN\n  PERFORM 1;\n  RETURN 2;\nEND;\n$$";
            List<SqlStatement> got = split("SELECT 0;\n" + fn + ";\nSELECT 3;");
            assertEquals(List.of("SELECT 0", fn, "SELECT 3"), got.stream().map(SqlStatement::sql).toList());
            assertPosition(got.get(1), 2, 1);
            assertPosition(got.get(2), 8, 1);
        }

        @Test
        void functionBodyWithTag() {
            String fn = "CREATE OR REPLACE FUNCTION g(a int) RETURNS text AS $fn$\n"
                    + "  SELECT 'x;' || $1 || $$;$$;\n"
                    + "$fn$ LANGUAGE sql";
            assertEquals(List.of(fn, "SELECT 1"), texts(fn + ";\nSELECT 1"));
        }

        @Test
        void nestedTagsOnlyTheOwnTagCloses() {
            String fn = "DO $a$\nBEGIN\n  EXECUTE $b$ SELECT ';' $b$;\n  EXECUTE $$ SELECT $c$;$c$ $$;\nEND\n$a$";
            assertEquals(List.of(fn, "SELECT 1"), texts(fn + ";SELECT 1;"));
        }

        @Test
        void tagsAreCaseSensitive() {
            String body = "SELECT $Tag$ ; $tag$ ; $TAG$ ; $Tag$";
            assertEquals(List.of(body, "SELECT 2"), texts(body + "; SELECT 2"));
        }

        @Test
        void tagsMayHoldDigitsAndUnderscoresButNotStartWithADigit() {
            assertEquals(List.of("SELECT $_x1$;$_x1$", "SELECT 2"), texts("SELECT $_x1$;$_x1$; SELECT 2"));
        }

        @Test
        void positionalParametersAreNotDollarQuotes() {
            String fn = "CREATE FUNCTION add(int, int) RETURNS int AS 'SELECT $1 + $2;' LANGUAGE sql";
            assertEquals(List.of(fn, "PREPARE p AS SELECT $1", "EXECUTE p(1)"),
                    texts(fn + ";\nPREPARE p AS SELECT $1;\nEXECUTE p(1);"));
            assertEquals(List.of("SELECT $1", "SELECT $2"), texts("SELECT $1; SELECT $2"));
        }

        @Test
        void dollarInsideIdentifiersIsNotAQuote() {
            assertEquals(List.of("SELECT a$$b, c$d$ FROM t", "SELECT 2"), texts("SELECT a$$b, c$d$ FROM t; SELECT 2"));
        }

        @Test
        void lonelyDollarIsPunctuation() {
            assertEquals(List.of("SELECT $ x", "SELECT 2"), texts("SELECT $ x; SELECT 2"));
        }

        @Test
        void bodyHoldingQuotesAndComments() {
            String fn = "CREATE FUNCTION h() RETURNS void AS $body$\n"
                    + "  -- it's a comment; with a quote\n"
                    + "  /* unclosed in body? no: $$ */\n"
                    + "  SELECT \"unbalanced;\n"
                    + "$body$ LANGUAGE sql";
            assertEquals(List.of(fn), texts(fn + ";"));
        }
    }

    @Nested
    class PostgresComments {

        @Test
        void blockCommentsNest() {
            assertEquals(List.of("SELECT 2"), texts("/* outer /* inner; */ still comment; */ SELECT 2;"));
            assertEquals(List.of("SELECT /* a /* b /* c */ ; */ ; */ 1", "SELECT 2"),
                    texts("SELECT /* a /* b /* c */ ; */ ; */ 1; SELECT 2"));
        }

        @Test
        void lineCommentEndsAtCarriageReturnToo() {
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("-- c\rSELECT 1; -- x\r\nSELECT 2"));
        }

        @Test
        void quotesInsideCommentsAreInert() {
            assertEquals(List.of("SELECT 1"), texts("-- it's\n/* \"x $$ ' */ SELECT 1; -- $$"));
        }
    }

    @Nested
    class Blocks {

        @Test
        void semicolonsInsideParenthesesDoNotSplit() {
            String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
            assertEquals(List.of(rule, "SELECT 1"), texts(rule + ";\nSELECT 1;"));
        }

        @Test
        void sqlStandardFunctionBody() {
            String fn = "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql\n"
                    + "BEGIN ATOMIC\n"
                    + "  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n"
                    + "  SELECT x + 1;\n"
                    + "END";
            assertEquals(List.of(fn, "SELECT f(1)"), texts(fn + ";\nSELECT f(1);"));
            String proc = "create or replace procedure p() language sql begin atomic insert into t values (1); end";
            assertEquals(List.of(proc, "CALL p()"), texts(proc + "; CALL p();"));
        }

        @Test
        void beginWithoutAtomicIsNotABody() {
            assertEquals(List.of("BEGIN", "CREATE TABLE t (x int)", "COMMIT"), texts("BEGIN; CREATE TABLE t (x int); COMMIT;"));
            assertEquals(List.of("CREATE FUNCTION begin() RETURNS int AS 'select 1' LANGUAGE sql", "SELECT 2"),
                    texts("CREATE FUNCTION begin() RETURNS int AS 'select 1' LANGUAGE sql; SELECT 2"));
            assertEquals(List.of("CREATE TABLE begin_atomic (begin int, atomic int, \"end\" int)", "SELECT 2"),
                    texts("CREATE TABLE begin_atomic (begin int, atomic int, \"end\" int); SELECT 2"));
        }

        @Test
        void triggerFunctionsAndTriggersAreOrdinaryStatements() {
            String fn = "CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$ LANGUAGE plpgsql";
            String trigger = "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()";
            assertEquals(List.of(fn, trigger), texts(fn + ";\n" + trigger + ";"));
        }
    }

    @Nested
    class PostgresPositions {

        @Test
        void crlfInsideDollarQuotesCountsLinesRight() {
            List<SqlStatement> got = split("-- header\r\nSELECT 1;\r\n\r\n  SELECT 'a\r\nb';\r\n"
                    + "DO $$\r\nBEGIN\r\n  NULL;\r\nEND $$;\r\nSELECT 3\r\n");
            assertEquals(4, got.size());
            assertEquals("DO $$\r\nBEGIN\r\n  NULL;\r\nEND $$", got.get(2).sql());
            assertPosition(got.get(2), 6, 1);
            assertPosition(got.get(3), 10, 1);
        }
    }

    @Nested
    class Refusals {

        @Test
        void copyFromStdinIsRefused() {
            KeelException e = failing("CREATE TABLE t (a int);\n\nCOPY t (a) FROM stdin;\n1\n2\n\\.\n",
                    ErrorCode.STATEMENT_UNSUPPORTED, 3, 1);
            assertTrue(e.getMessage().contains("COPY … FROM STDIN"), e.getMessage());
            assertTrue(e.problems().get(0).fix().contains("INSERT"), e.problems().get(0).fix());
        }

        @Test
        void copyToStdoutIsRefused() {
            KeelException e = failing("  copy (SELECT a FROM t) TO STDOUT WITH (FORMAT csv)", ErrorCode.STATEMENT_UNSUPPORTED,
                    1, 3);
            assertTrue(e.getMessage().contains("TO STDOUT"), e.getMessage());
        }

        @Test
        void copyFromServerFilesAndTablesNamedStdinInsideQueriesAreFine() {
            assertEquals(List.of("COPY t FROM '/srv/data.csv' WITH (FORMAT csv)", "COPY (SELECT * FROM stdin) TO '/tmp/x'",
                    "SELECT * FROM stdin"),
                    texts("COPY t FROM '/srv/data.csv' WITH (FORMAT csv); COPY (SELECT * FROM stdin) TO '/tmp/x';"
                            + " SELECT * FROM stdin;"));
        }

        @Test
        void psqlMetaCommandsAreRefused() {
            KeelException e = failing("SELECT 1;\n\\connect other\nSELECT 2;", ErrorCode.STATEMENT_UNSUPPORTED, 2, 1);
            assertTrue(e.getMessage().contains("psql meta-command \\connect"), e.getMessage());
            failing("  \\i other.sql\n", ErrorCode.STATEMENT_UNSUPPORTED, 1, 3);
            failing("SELECT 1 \\gset\n", ErrorCode.STATEMENT_UNSUPPORTED, 1, 10);
            failing("\\set ON_ERROR_STOP on\nSELECT 1;", ErrorCode.STATEMENT_UNSUPPORTED, 1, 1);
        }

        @Test
        void backslashesInsideQuotesAndCommentsAreFine() {
            assertEquals(List.of("SELECT E'\\\\connect', '\\i', $$\\set$$"),
                    texts("-- \\connect x\n/* \\i y */ SELECT E'\\\\connect', '\\i', $$\\set$$;"));
        }
    }

    @Nested
    class Errors {

        @Test
        void escapedQuoteAtEndOfAnEscapeStringIsStillUnterminated() {
            failing("SELECT E'it\\'", ErrorCode.UNTERMINATED_QUOTE, 1, 8);
        }

        @Test
        void unterminatedIdentifier() {
            assertTrue(failing("SELECT \"a", ErrorCode.UNTERMINATED_QUOTE, 1, 8).getMessage().contains("identifier"));
        }

        @Test
        void unterminatedDollarQuotes() {
            KeelException e = failing("SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $$\nSELECT 1;\n",
                    ErrorCode.UNTERMINATED_QUOTE, 2, 36);
            assertTrue(e.getMessage().contains("dollar-quoted string ($$)"), e.getMessage());
            KeelException tagged = failing("DO $body$ BEGIN NULL; END $Body$;", ErrorCode.UNTERMINATED_QUOTE, 1, 4);
            assertTrue(tagged.problems().get(0).fix().contains("$body$"), tagged.problems().get(0).fix());
            // the inner tag is closed, the outer one is not
            failing("DO $a$ $b$ x $b$ ;", ErrorCode.UNTERMINATED_QUOTE, 1, 4);
        }

        @Test
        void unterminatedNestedComment() {
            KeelException e = failing("SELECT 1;\n  /* outer /* inner */\n  SELECT 2;", ErrorCode.UNTERMINATED_COMMENT, 2, 3);
            assertTrue(e.getMessage().contains("unterminated block comment opened at line 2"), e.getMessage());
            assertTrue(e.problems().get(0).fix().contains("*/"));
        }

        @Test
        void unclosedParenthesis() {
            KeelException e = failing("SELECT 1;\nCREATE TABLE t (a int;\nCREATE TABLE u (b int);",
                    ErrorCode.UNTERMINATED_BLOCK, 2, 16);
            assertTrue(e.getMessage().contains("parenthesis"), e.getMessage());
        }

        @Test
        void unterminatedAtomicBody() {
            KeelException e = failing("CREATE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n",
                    ErrorCode.UNTERMINATED_BLOCK, 2, 1);
            assertTrue(e.getMessage().contains("BEGIN ATOMIC"), e.getMessage());
        }

        @Test
        void crlfErrorPositions() {
            failing("SELECT 1;\r\n\r\n  $$ x", ErrorCode.UNTERMINATED_QUOTE, 3, 3);
        }
    }

    @Test
    void oneMegabyteScriptSplitsCorrectly() {
        String unit = "INSERT INTO t (a, b) VALUES ('x;y', E'q\\';'); -- c;\n"
                + "CREATE FUNCTION f() RETURNS int AS $f$ BEGIN RETURN 1; END $f$ LANGUAGE plpgsql;\n"
                + "/* ; /* ; */ */ SELECT \"a;b\", $1 FROM c;\r\n";
        int copies = 1_048_576 / unit.length() + 1;
        String sql = unit.repeat(copies);
        List<SqlStatement> got = split(sql);
        assertEquals(3 * copies, got.size());
        SqlStatement last = got.get(got.size() - 1);
        assertEquals("SELECT \"a;b\", $1 FROM c", last.sql());
        assertPosition(last, 3 * copies, 17);
    }
}
