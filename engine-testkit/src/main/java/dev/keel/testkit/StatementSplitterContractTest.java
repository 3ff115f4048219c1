package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The cases every {@link StatementSplitter} must pass, whatever its dialect: semicolons, standard quotes and
 * comments, positions (first-line offset, CRLF, lone CR, code points) and the errors for what is left open. A
 * dialect module subclasses it in a plain unit test and adds only its own cases:
 *
 * <pre>{@code
 * class SqliteStatementSplitterTest extends StatementSplitterContractTest {
 *     protected StatementSplitter splitter() { return new SqliteStatementSplitter(); }
 *
 *     @Test
 *     void bracketedIdentifiers() { assertEquals(List.of("SELECT [a;b]"), texts("SELECT [a;b];")); }
 * }
 * }</pre>
 *
 * <p>The samples use only SQL every supported database reads alike. The helpers ({@link #split}, {@link #texts},
 * {@link #failing}, {@link #assertPosition}) split as file {@value #FILE} from line 1.
 */
public abstract class StatementSplitterContractTest {

    /** The file name the helpers pass to the splitter, as it appears in error locations. */
    protected static final String FILE = "V1__test.sql";

    /**
     * The splitter under test. Called once per split, so a new instance each time is fine.
     *
     * @return the dialect's splitter
     */
    protected abstract StatementSplitter splitter();

    /**
     * Splits {@code sql} as file {@value #FILE} from line 1.
     *
     * @param sql the script
     * @return the statements
     */
    protected final List<SqlStatement> split(String sql) {
        return splitter().split(sql, FILE, 1);
    }

    /**
     * The statements' texts.
     *
     * @param sql the script
     * @return the text of each statement, in order
     */
    protected final List<String> texts(String sql) {
        return split(sql).stream().map(SqlStatement::sql).toList();
    }

    /**
     * Asserts that splitting {@code sql} fails with {@code code} at the given place, with a fix.
     *
     * @param sql    the script
     * @param code   the expected error code
     * @param line   where the open construct started
     * @param column its column, in code points from 1
     * @return the error, for checks of its message
     */
    protected final KeelException failing(String sql, ErrorCode code, int line, int column) {
        KeelException e = assertThrows(KeelException.class, () -> split(sql));
        assertAll(
                () -> assertEquals(code, e.code(), e::getMessage),
                () -> assertEquals(new Location(FILE, line, column), e.problems().get(0).where().orElseThrow()),
                () -> assertFalse(e.problems().get(0).fix().isBlank(), "a fix is given"));
        return e;
    }

    /**
     * Asserts a statement's line and column.
     *
     * @param s      the statement
     * @param line   its expected line
     * @param column its expected column
     */
    protected static void assertPosition(SqlStatement s, int line, int column) {
        assertEquals(line + ":" + column, s.line() + ":" + s.column(), s.sql());
    }

    private static void assertSays(KeelException e, String message, String fix) {
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.problems().get(0).fix().contains(fix), e.problems().get(0).fix());
    }

    @Nested
    class Semicolons {

        @Test
        void splitsAtSemicolonsAndTrims() {
            List<SqlStatement> got = split("CREATE TABLE a (id INT);\n  INSERT INTO a VALUES (1) ;\n\nSELECT 1;");
            assertEquals(List.of("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)", "SELECT 1"),
                    got.stream().map(SqlStatement::sql).toList());
            assertEquals(List.of(0, 1, 2), got.stream().map(SqlStatement::index).toList());
            assertEquals(List.of(1, 2, 4), got.stream().map(SqlStatement::line).toList());
            assertEquals(List.of(1, 3, 1), got.stream().map(SqlStatement::column).toList());
        }

        @Test
        void finalStatementWithoutSemicolon() {
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1;\nSELECT 2\n"));
        }

        @Test
        void emptyBlankAndCommentOnlyScriptsGiveNothing() {
            assertEquals(List.of(), texts(""));
            assertEquals(List.of(), texts("  \n\t\r\n"));
            assertEquals(List.of(), texts(";;  ;\n;"));
            assertEquals(List.of(), texts("-- Migration: nothing\n/* really ; nothing */\n-- keel:irreversible no\n"));
            assertEquals(List.of(), texts("-- no newline at the end ;"));
        }

        @Test
        void emptyPiecesBetweenStatementsAreSkippedAndIndexesStayDense() {
            List<SqlStatement> got = split("SELECT 1;\n-- just a comment;\n;\nSELECT 2;");
            assertEquals(2, got.size());
            assertEquals("SELECT 2", got.get(1).sql());
            assertEquals(1, got.get(1).index());
            assertEquals(4, got.get(1).line());
        }

        @Test
        void byteOrderMarkIsSkipped() {
            List<SqlStatement> got = split("\uFEFFSELECT 1;");
            assertEquals(List.of("SELECT 1"), got.stream().map(SqlStatement::sql).toList());
            assertPosition(got.get(0), 1, 2);
        }
    }

    @Nested
    class Quotes {

        @Test
        void stringsMayHoldSemicolonsAndCommentMarkers() {
            assertEquals(List.of("INSERT INTO t VALUES ('a;b', '-- not a comment', '/* nor this */')", "SELECT 2"),
                    texts("INSERT INTO t VALUES ('a;b', '-- not a comment', '/* nor this */');SELECT 2;"));
        }

        @Test
        void doubledQuotesEscape() {
            assertEquals(List.of("SELECT 'it''s; fine'", "SELECT ''''", "SELECT ''", "SELECT 4"),
                    texts("SELECT 'it''s; fine'; SELECT ''''; SELECT ''; SELECT 4"));
        }

        @Test
        void doubleQuotesHoldSemicolonsAndDoubleToEscape() {
            assertEquals(List.of("CREATE TABLE \"a;\"\"b\" (\"x;\" INT)", "SELECT \"x;\" FROM \"a;\"\"b\""),
                    texts("CREATE TABLE \"a;\"\"b\" (\"x;\" INT);SELECT \"x;\" FROM \"a;\"\"b\";"));
        }

        @Test
        void quotesMaySpanLines() {
            List<SqlStatement> got = split("INSERT INTO t VALUES ('line1;\nline2');\nSELECT 1;");
            assertEquals("INSERT INTO t VALUES ('line1;\nline2')", got.get(0).sql());
            assertEquals(3, got.get(1).line());
        }
    }

    @Nested
    class Comments {

        @Test
        void lineAndBlockCommentsHideSemicolons() {
            String sql = "SELECT 1 -- first; still a comment\n, 2;\nSELECT /* a ; b */ 3;";
            assertEquals(List.of("SELECT 1 -- first; still a comment\n, 2", "SELECT /* a ; b */ 3"), texts(sql));
        }

        @Test
        void leadingCommentsAreLeftOutAndPositionIsTheFirstToken() {
            List<SqlStatement> got = split("-- Migration: add t\n/* header\n   ; */\n   CREATE TABLE t (x INT);");
            assertEquals(1, got.size());
            assertEquals("CREATE TABLE t (x INT)", got.get(0).sql());
            assertPosition(got.get(0), 4, 4);
        }

        @Test
        void trailingCommentsAndTheMarkersInsideThemAreLeftOut() {
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1 /* why */;\nSELECT 2\n-- end of file\n"));
            assertEquals(List.of("SELECT 1"), texts("-- a /* b ' \"\nSELECT 1; /* -- ' \" */"));
        }
    }

    @Nested
    class Positions {

        @Test
        void lineAndColumnWithFirstLineOffset() {
            List<SqlStatement> got = splitter().split("SELECT 1;  SELECT 2;\n\n    SELECT 3;", "f.sql", 10);
            assertPosition(got.get(0), 10, 1);
            assertPosition(got.get(1), 10, 12);
            assertPosition(got.get(2), 12, 5);
        }

        @Test
        void crlfInputCountsLinesRight() {
            List<SqlStatement> got = split("-- header\r\nSELECT 1;\r\n\r\n  SELECT 'a\r\nb';\r\nSELECT 3\r\n");
            assertEquals(3, got.size());
            assertPosition(got.get(0), 2, 1);
            assertPosition(got.get(1), 4, 3);
            assertEquals("SELECT 'a\r\nb'", got.get(1).sql());
            assertPosition(got.get(2), 6, 1);
        }

        @Test
        void loneCarriageReturnEndsALine() {
            assertPosition(split("SELECT 1;\rSELECT 2;").get(1), 2, 1);
        }

        @Test
        void columnsCountCodePoints() {
            assertPosition(split("SELECT '\uD83D\uDE00'; SELECT 2;").get(1), 1, 13);
        }

        @Test
        void rejectsFirstLineBelowOne() {
            assertThrows(IllegalArgumentException.class, () -> splitter().split("SELECT 1", "f.sql", 0));
        }
    }

    @Nested
    class LeftOpen {

        @Test
        void unterminatedStringIsReportedWhereItOpened() {
            assertSays(failing("SELECT 1;\nSELECT\n  'abc;\nmore", ErrorCode.UNTERMINATED_QUOTE, 3, 3),
                    "unterminated string literal opened at line 3", "'");
        }

        @Test
        void quotesLeftOpenAtTheEnd() {
            assertAll(
                    // the doubled quote is an escaped quote, so nothing closes the string
                    () -> failing("SELECT 'it''", ErrorCode.UNTERMINATED_QUOTE, 1, 8),
                    () -> failing("SELECT \"a", ErrorCode.UNTERMINATED_QUOTE, 1, 8));
        }

        @Test
        void unterminatedBlockComment() {
            assertSays(failing("SELECT 1;\n  /* open\n  SELECT 2;", ErrorCode.UNTERMINATED_COMMENT, 2, 3),
                    "unterminated block comment opened at line 2", "*/");
        }

        @Test
        void errorLinesHonourFirstLine() {
            KeelException e = assertThrows(KeelException.class, () -> splitter().split("\n'x", "m.sql", 20));
            assertEquals(new Location("m.sql", 21, 1), e.problems().get(0).where().orElseThrow());
        }

        @Test
        void errorLinesWithCrlfAndFirstLineOffset() {
            KeelException e = assertThrows(KeelException.class,
                    () -> splitter().split("SELECT 1;\r\nSELECT 2;\r\n  SELECT 'x;\r\n", "V2__crlf.sql", 5));
            assertEquals(new Location("V2__crlf.sql", 7, 10), e.problems().get(0).where().orElseThrow());
            assertTrue(e.getMessage().contains("line 7, column 10"), e.getMessage());
        }
    }

    @Test
    void oneLongLineWithManyStatements() {
        List<SqlStatement> got = split("SELECT 1;".repeat(100_000));
        assertEquals(100_000, got.size());
        assertPosition(got.get(99_999), 1, 9 * 99_999 + 1);
    }
}
