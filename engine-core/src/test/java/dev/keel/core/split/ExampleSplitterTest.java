package dev.keel.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.migration.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The toolkit used as a dialect author would: a complete splitter for a small language ({@code ;} ends a statement,
 * {@code --} and flat block comments, {@code '…'} strings with doubled quotes) in a dozen lines.
 */
class ExampleSplitterTest {

    private static List<SqlStatement> split(String sql, int firstLine) {
        ScriptCursor script = new ScriptCursor(sql, "V1__example.sql", firstLine);
        StatementCollector statements = new StatementCollector(script);
        while (!script.atEnd()) {
            if (script.skipWhiteSpace() || script.skipLineComment("--") || script.skipBlockComment("close it with */")) {
                continue;
            }
            int at = script.position();
            char c = script.peek();
            if (c == ';') {
                statements.cut();
                script.advance();
                continue;
            }
            int next = at + 1;
            if (c == '\'') {
                next = script.quoteEnd(at, '\'', QuoteEscape.DOUBLED);
                if (next < 0) {
                    throw Unterminated.QUOTE.at(script, at, "string literal", "close the string with '");
                }
            }
            statements.token(at, next);
            script.moveTo(next);
        }
        statements.cut();
        return statements.statements();
    }

    @Test
    void splitsTrimsAndPlacesStatements() {
        List<SqlStatement> got = split("-- header\r\n/* a; */ SELECT 'x;''y' /* in */ ;\n\n  SELECT 2 -- end\n", 3);
        assertEquals(List.of(new SqlStatement("SELECT 'x;''y'", 0, 4, 10), new SqlStatement("SELECT 2", 1, 6, 3)), got);
    }

    @Test
    void commentOnlyScriptGivesNothing() {
        assertEquals(List.of(), split(" ;; -- x ;\n/* ; */", 1));
    }

    @Test
    void unterminatedConstructsAreReportedWhereTheyOpened() {
        KeelException quote = assertThrows(KeelException.class, () -> split("SELECT 1;\nSELECT 'a;", 1));
        assertEquals(ErrorCode.UNTERMINATED_QUOTE, quote.code());
        assertEquals(new Location("V1__example.sql", 2, 8), quote.problems().get(0).where().orElseThrow());
        KeelException comment = assertThrows(KeelException.class, () -> split("SELECT 1; /* x", 1));
        assertEquals(ErrorCode.UNTERMINATED_COMMENT, comment.code());
        assertEquals(new Location("V1__example.sql", 1, 11), comment.problems().get(0).where().orElseThrow());
    }

    @Test
    void oneMegabyteInOnePass() {
        String unit = "INSERT INTO t VALUES ('a;b', 'it''s'); -- c;\n/* ; */ SELECT 1;\r\n";
        int copies = 1_048_576 / unit.length() + 1;
        List<SqlStatement> got = split(unit.repeat(copies), 1);
        assertEquals(2 * copies, got.size());
        SqlStatement last = got.get(got.size() - 1);
        assertEquals(new SqlStatement("SELECT 1", 2 * copies - 1, 2 * copies, 9), last);
    }
}
