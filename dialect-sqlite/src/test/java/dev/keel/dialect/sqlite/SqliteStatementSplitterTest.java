package dev.keel.dialect.sqlite;

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

/** SQLite's own splitting cases; the cases every dialect passes come from {@link StatementSplitterContractTest}. */
class SqliteStatementSplitterTest extends StatementSplitterContractTest {

    @Override
    protected StatementSplitter splitter() {
        return new SqliteStatementSplitter();
    }

    @Nested
    class SqliteQuotesAndComments {

        @Test
        void identifiersInAllFourQuoteStyles() {
            String sql = "CREATE TABLE \"a;\"\"b\" (x);\n"
                    + "CREATE TABLE `c;``d` (x);\n"
                    + "CREATE TABLE [e;f] (x);\n"
                    + "SELECT [g\"h;] FROM \"a;\"\"b\";";
            assertEquals(List.of("CREATE TABLE \"a;\"\"b\" (x)", "CREATE TABLE `c;``d` (x)", "CREATE TABLE [e;f] (x)",
                    "SELECT [g\"h;] FROM \"a;\"\"b\""), texts(sql));
        }

        @Test
        void blobLiteral() {
            assertEquals(List.of("INSERT INTO t VALUES (x'3B3B')", "SELECT 1"),
                    texts("INSERT INTO t VALUES (x'3B3B'); SELECT 1"));
        }

        @Test
        void blockCommentsDoNotNest() {
            assertEquals(List.of("SELECT 1", "SELECT 2 */"), texts("/* outer /* inner */ SELECT 1; SELECT 2 */"));
        }

        @Test
        void commentMarkersInsideCommentsAreInert() {
            assertEquals(List.of("SELECT 1"), texts("-- a /* b\nSELECT 1; /* -- ' \" ` [ */"));
        }
    }

    @Nested
    class Triggers {

        @Test
        void bodyWithSeveralStatementsStaysWhole() {
            String trigger = "CREATE TRIGGER audit_t AFTER INSERT ON t\n"
                    + "BEGIN\n"
                    + "  INSERT INTO log VALUES (new.id, 'insert;');\n"
                    + "  UPDATE counts SET n = n + 1;\n"
                    + "  DELETE FROM queue WHERE id = new.id;\n"
                    + "END";
            List<SqlStatement> got = split("CREATE TABLE t (id);\n" + trigger + ";\nSELECT 1;");
            assertEquals(List.of("CREATE TABLE t (id)", trigger, "SELECT 1"), got.stream().map(SqlStatement::sql).toList());
            assertPosition(got.get(1), 2, 1);
            assertPosition(got.get(2), 8, 1);
        }

        @Test
        void caseEndInsideBodyDoesNotCloseIt() {
            String trigger = "create trigger t_upd before update on t\n"
                    + "when new.x > 0\n"
                    + "begin\n"
                    + "  update t set kind = case when new.x > 10 then 'big' else case new.x when 1 then 'one' end end;\n"
                    + "  select case when new.x = 5 then raise(abort, 'five; no') end;\n"
                    + "end";
            assertEquals(List.of(trigger, "SELECT 2"), texts(trigger + ";\nSELECT 2;"));
        }

        @Test
        void tempTriggerIfNotExists() {
            String a = "CREATE TEMP TRIGGER IF NOT EXISTS a AFTER DELETE ON t BEGIN DELETE FROM u; DELETE FROM v; END";
            String b = "Create Temporary Trigger main.b After Insert On t Begin Select 1; End";
            assertEquals(List.of(a, b), texts(a + ";\n" + b + ";"));
        }

        @Test
        void triggerAtEndOfFileWithoutFinalSemicolon() {
            String trigger = "CREATE TRIGGER a AFTER DELETE ON t BEGIN DELETE FROM u; END";
            assertEquals(List.of(trigger), texts(trigger + "\n-- done\n"));
        }

        @Test
        void wordsThatOnlyLookLikeEndOrBeginDoNotCount() {
            String trigger = "CREATE TRIGGER backend_sync AFTER UPDATE OF end_date ON backend\n"
                    + "BEGIN\n"
                    + "  UPDATE backend SET END_DATE = new.end_date, legend = 'x', t.end = 1, beginning = 2;\n"
                    + "  INSERT INTO ranges (begin, end) VALUES (1, 2);\n"
                    + "  SELECT \"end\", [end], `end`, 'end' /* end; */ -- end;\n"
                    + "  ;\n"
                    + "END";
            assertEquals(List.of(trigger, "SELECT 1"), texts(trigger + ";SELECT 1"));
        }

        @Test
        void commentsAndQuotesInsideBodyWithSemicolons() {
            String trigger = "CREATE TRIGGER t1 AFTER INSERT ON t BEGIN\n"
                    + "  -- a comment; with END; inside\n"
                    + "  /* END; */ INSERT INTO log VALUES ('END;');\n"
                    + "END";
            assertEquals(List.of(trigger), texts(trigger + ";"));
        }

        @Test
        void standaloneTransactionStatementsAreJustStatements() {
            String sql = "BEGIN;\nCREATE TABLE a (x);\nCOMMIT;\nBEGIN TRANSACTION;\nINSERT INTO a VALUES (1);\n"
                    + "END TRANSACTION;\nBEGIN IMMEDIATE;\nEND;\nSELECT 'done'";
            assertEquals(List.of("BEGIN", "CREATE TABLE a (x)", "COMMIT", "BEGIN TRANSACTION", "INSERT INTO a VALUES (1)",
                    "END TRANSACTION", "BEGIN IMMEDIATE", "END", "SELECT 'done'"), texts(sql));
        }

        @Test
        void beginInOtherCreateStatementsIsNotABody() {
            assertEquals(List.of("CREATE TABLE begin_end (begin INT, end INT)", "CREATE VIEW v AS SELECT 1"),
                    texts("CREATE TABLE begin_end (begin INT, end INT); CREATE VIEW v AS SELECT 1;"));
        }

        @Test
        void triggerStatementCutBeforeItsBodyEndsAtTheSemicolon() {
            assertEquals(List.of("CREATE TRIGGER broken", "SELECT 1"), texts("CREATE TRIGGER broken; SELECT 1;"));
        }
    }

    @Nested
    class Errors {

        @Test
        void unterminatedIdentifiers() {
            assertTrue(failing("SELECT \"a", ErrorCode.UNTERMINATED_QUOTE, 1, 8).getMessage().contains("identifier"));
            failing("SELECT 1;\n\n SELECT `a;", ErrorCode.UNTERMINATED_QUOTE, 3, 9);
            KeelException e = failing("SELECT [a;\nb", ErrorCode.UNTERMINATED_QUOTE, 1, 8);
            assertTrue(e.getMessage().contains("bracketed identifier"), e.getMessage());
            assertTrue(e.problems().get(0).fix().contains("]"));
        }

        @Test
        void triggerWithoutEnd() {
            KeelException e = failing("SELECT 1;\nCREATE TRIGGER t AFTER INSERT ON x\n    BEGIN\n  DELETE FROM y;\n",
                    ErrorCode.UNTERMINATED_BLOCK, 3, 5);
            assertTrue(e.getMessage().contains("opened at line 3"), e.getMessage());
            assertTrue(e.problems().get(0).fix().contains("END;"), e.problems().get(0).fix());
        }

        @Test
        void triggerWhoseOnlyEndBelongsToACaseIsUnterminated() {
            failing("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END;", ErrorCode.UNTERMINATED_BLOCK,
                    1, 36);
        }
    }

    @Test
    void oneMegabyteScriptSplitsCorrectly() {
        String unit = "INSERT INTO t (a, b) VALUES ('x;y', \"q\"\"\"); -- c;\n"
                + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE u SET n = CASE WHEN 1 THEN 2 END; END;\n"
                + "/* ; */ SELECT [a;b] FROM `c``;`;\r\n";
        int copies = 1_048_576 / unit.length() + 1;
        String sql = unit.repeat(copies);
        assertTrue(sql.length() >= 1_048_576);
        List<SqlStatement> got = split(sql);
        assertEquals(3 * copies, got.size());
        SqlStatement last = got.get(got.size() - 1);
        assertEquals("SELECT [a;b] FROM `c``;`", last.sql());
        assertEquals(3 * copies - 1, last.index());
        assertPosition(last, 3 * copies, 9);
        assertEquals("INSERT INTO t (a, b) VALUES ('x;y', \"q\"\"\")", got.get(3).sql());
        assertPosition(got.get(4), 5, 1);
    }
}
