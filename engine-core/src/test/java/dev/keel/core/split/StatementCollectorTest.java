package dev.keel.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.migration.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCollectorTest {

    @Test
    void aStatementRunsFromItsFirstTokenToItsLast() {
        String text = "  /* lead */ SELECT /* kept */ 1 -- trail\n;";
        ScriptCursor script = new ScriptCursor(text, "f.sql", 1);
        StatementCollector statements = new StatementCollector(script);
        assertFalse(statements.inStatement());
        assertEquals(-1, statements.start());
        int select = text.indexOf("SELECT");
        statements.token(select, select + 6);
        assertTrue(statements.inStatement());
        assertEquals(select, statements.start());
        int one = text.indexOf('1');
        statements.token(one, one + 1);
        statements.cut();
        assertFalse(statements.inStatement());
        assertEquals(List.of(new SqlStatement("SELECT /* kept */ 1", 0, 1, 14)), statements.statements());
    }

    @Test
    void cutsWithoutTokensGiveNoStatementAndIndexesStayDense() {
        String text = "a;;\n -- c\n;\r\n  b";
        StatementCollector statements = new StatementCollector(new ScriptCursor(text, "f.sql", 7));
        statements.token(0, 1);
        statements.cut();
        statements.cut();
        statements.cut();
        int b = text.indexOf('b');
        statements.token(b, b + 1);
        statements.cut();
        assertEquals(List.of(new SqlStatement("a", 0, 7, 1), new SqlStatement("b", 1, 10, 3)), statements.statements());
    }

    @Test
    void aDelimiterReportedAsATokenBelongsToTheStatement() {
        StatementCollector statements = new StatementCollector(new ScriptCursor("BEGIN x; END;", "f.sql", 1));
        statements.token(0, 5);
        statements.token(6, 7);
        statements.token(7, 8);
        statements.token(9, 12);
        statements.cut();
        assertEquals("BEGIN x; END", statements.statements().get(0).sql());
    }

    @Test
    void statementsAreReadOnly() {
        StatementCollector statements = new StatementCollector(new ScriptCursor("x", "f.sql", 1));
        statements.token(0, 1);
        statements.cut();
        assertThrows(UnsupportedOperationException.class, () -> statements.statements().clear());
    }
}
