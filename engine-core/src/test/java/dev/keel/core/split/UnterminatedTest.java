package dev.keel.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import org.junit.jupiter.api.Test;

class UnterminatedTest {

    @Test
    void eachConstructHasItsCode() {
        assertEquals("KEEL-E0205", Unterminated.QUOTE.code().code());
        assertEquals("KEEL-E0206", Unterminated.COMMENT.code().code());
        assertEquals("KEEL-E0214", Unterminated.BLOCK.code().code());
    }

    @Test
    void errorSaysWhatOpenedWhereAndHowToCloseIt() {
        ScriptCursor script = new ScriptCursor("SELECT 1;\n  SELECT 'abc", "V3__q.sql", 5);
        KeelException e = Unterminated.QUOTE.at(script, 19, "string literal", "close the string with '");
        Problem problem = e.problems().get(0);
        assertEquals(ErrorCode.UNTERMINATED_QUOTE, e.code());
        assertEquals(ExitClass.VALIDATION, e.exitClass());
        assertEquals(new Location("V3__q.sql", 6, 10), problem.where().orElseThrow());
        assertEquals("unterminated string literal opened at line 6, column 10", problem.what());
        assertEquals("close the string with '", problem.fix());
    }

    @Test
    void blocksUseTheSameShape() {
        ScriptCursor script = new ScriptCursor("CREATE TRIGGER t BEGIN x;", "f.sql", 1);
        KeelException e = Unterminated.BLOCK.at(script, 17, "trigger body (BEGIN)", "end it with END;");
        assertEquals(ErrorCode.UNTERMINATED_BLOCK, e.code());
        assertEquals("unterminated trigger body (BEGIN) opened at line 1, column 18", e.problems().get(0).what());
    }
}
