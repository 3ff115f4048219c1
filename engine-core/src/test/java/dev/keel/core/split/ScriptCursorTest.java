package dev.keel.core.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Location;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScriptCursorTest {

    private static final IntPredicate WORD = c -> Character.isLetterOrDigit(c) || c == '_';

    private static ScriptCursor cursor(String text) {
        return new ScriptCursor(text, "V1__t.sql", 1);
    }

    @Nested
    class Construction {

        @Test
        void rejectsFirstLineBelowOneAndNulls() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScriptCursor("x", "f", 0));
            assertEquals("firstLine must be >= 1, was 0", e.getMessage());
            assertThrows(NullPointerException.class, () -> new ScriptCursor(null, "f", 1));
            assertThrows(NullPointerException.class, () -> new ScriptCursor("x", null, 1));
        }

        @Test
        void givesTheText() {
            ScriptCursor s = cursor("SELECT 1");
            assertEquals("SELECT 1", s.text());
            assertEquals(8, s.length());
            assertEquals('L', s.charAt(2));
            assertEquals("LEC", s.slice(2, 5));
        }
    }

    @Nested
    class Reading {

        @Test
        void peekAdvanceAndMove() {
            ScriptCursor s = cursor("ab");
            assertEquals(0, s.position());
            assertEquals('a', s.peek());
            assertEquals('b', s.peek(1));
            assertEquals('\0', s.peek(2), "NUL past the end");
            s.advance();
            assertEquals('b', s.peek());
            s.advance(1);
            assertTrue(s.atEnd());
            assertEquals('\0', s.peek());
            s.moveTo(0);
            assertFalse(s.atEnd());
        }

        @Test
        void cannotMoveOutsideTheText() {
            ScriptCursor s = cursor("ab");
            assertThrows(IndexOutOfBoundsException.class, () -> s.moveTo(3));
            assertThrows(IndexOutOfBoundsException.class, () -> s.moveTo(-1));
            s.moveTo(2);
            assertThrows(IndexOutOfBoundsException.class, s::advance);
        }
    }

    @Nested
    class Words {

        @Test
        void matchesIgnoringAsciiCaseOnly() {
            ScriptCursor s = cursor("BEGIN Begin begin begins \u017Felect");
            assertTrue(s.matches(0, 5, "begin"));
            assertTrue(s.matches(6, 11, "begin"));
            assertTrue(s.matches(12, 17, "BEGIN"));
            assertFalse(s.matches(18, 24, "begin"), "length differs");
            assertFalse(s.matches(25, 31, "select"), "the long s does not fold to s");
            assertFalse(s.matches(30, 40, "xxxxxxxxxx"), "past the end");
        }

        @Test
        void wordAtNeedsWordBoundariesOnBothSides() {
            ScriptCursor s = cursor("not notable cannot (NOT)");
            assertTrue(s.wordAt(0, "not", WORD));
            assertFalse(s.wordAt(4, "not", WORD), "followed by a word char");
            assertFalse(s.wordAt(15, "not", WORD), "preceded by a word char");
            assertTrue(s.wordAt(20, "not", WORD), "punctuation around");
            assertFalse(s.wordAt(22, "not", WORD), "runs past the end");
        }

        @Test
        void endOfRun() {
            ScriptCursor s = cursor("abc_1 x");
            assertEquals(5, s.endOfRun(0, WORD));
            assertEquals(5, s.endOfRun(5, WORD), "no run");
            assertEquals(7, s.endOfRun(6, WORD), "to the end");
        }
    }

    @Nested
    class WhiteSpaceAndComments {

        @Test
        void whiteSpaceIncludesControlCharactersAndByteOrderMarks() {
            ScriptCursor s = cursor("\uFEFF \t\r\n\u0000x");
            assertTrue(s.skipWhiteSpace());
            assertEquals(6, s.position());
            assertFalse(s.skipWhiteSpace());
            assertEquals(6, s.position());
        }

        @Test
        void lineCommentRunsToLfOrCrOrTheEnd() {
            ScriptCursor s = cursor("-- a\nb # c\rd -- e");
            assertTrue(s.skipLineComment("--"));
            assertEquals(4, s.position());
            assertFalse(s.skipLineComment("--"), "not at a comment");
            s.moveTo(7);
            assertFalse(s.skipLineComment("--"));
            assertTrue(s.skipLineComment("#"));
            assertEquals(10, s.position());
            s.moveTo(13);
            assertTrue(s.skipLineComment("--"));
            assertTrue(s.atEnd());
        }

        @Test
        void flatBlockCommentsCloseAtTheFirstEnd() {
            ScriptCursor s = cursor("/* a /* b */ c */");
            assertTrue(s.skipBlockComment("fix"));
            assertEquals(12, s.position());
            assertFalse(s.skipBlockComment("fix"));
            assertEquals(12, s.position());
            assertEquals(-1, cursor("/*/").blockCommentEnd(0));
        }

        @Test
        void nestedBlockCommentsNeedAnEndEach() {
            ScriptCursor s = cursor("/* a /* b */ c */ d");
            assertTrue(s.skipNestedBlockComment("fix"));
            assertEquals(17, s.position());
            assertEquals(-1, cursor("/* a /* b */ c").nestedBlockCommentEnd(0));
        }

        @Test
        void unterminatedBlockCommentIsAnErrorWhereItOpened() {
            ScriptCursor s = new ScriptCursor("SELECT 1;\r\n  /* open /* inner */", "V2__c.sql", 10);
            s.moveTo(13);
            KeelException flat = assertThrows(KeelException.class, () -> s.skipNestedBlockComment("close it with */"));
            assertEquals(ErrorCode.UNTERMINATED_COMMENT, flat.code());
            assertEquals(new Location("V2__c.sql", 11, 3), flat.problems().get(0).where().orElseThrow());
            assertEquals("unterminated block comment opened at line 11, column 3", flat.problems().get(0).what());
            assertEquals("close it with */", flat.problems().get(0).fix());
            assertEquals(13, s.position(), "the cursor stays where the comment opened");
            assertTrue(s.skipBlockComment("fix"), "the same text closes when comments do not nest");
        }
    }

    @Nested
    class Quotes {

        @Test
        void doubledQuotesEscape() {
            ScriptCursor s = cursor("'it''s' x");
            assertEquals(7, s.quoteEnd(0, '\'', QuoteEscape.DOUBLED));
            assertEquals(4, s.quoteEnd(0, '\'', QuoteEscape.NONE), "the first quote closes");
            assertEquals(-1, cursor("'it''").quoteEnd(0, '\'', QuoteEscape.DOUBLED));
            assertEquals(2, cursor("'' x").quoteEnd(0, '\'', QuoteEscape.DOUBLED));
        }

        @Test
        void backslashEscapesTheNextCharacter() {
            assertEquals(7, cursor("'it\\'s' x").quoteEnd(0, '\'', QuoteEscape.DOUBLED_OR_BACKSLASH));
            assertEquals(4, cursor("'\\\\' x").quoteEnd(0, '\'', QuoteEscape.DOUBLED_OR_BACKSLASH));
            assertEquals(-1, cursor("'ends with \\'").quoteEnd(0, '\'', QuoteEscape.DOUBLED_OR_BACKSLASH));
            assertEquals(-1, cursor("'\\").quoteEnd(0, '\'', QuoteEscape.DOUBLED_OR_BACKSLASH));
            assertEquals(4, cursor("'a\\' x").quoteEnd(0, '\'', QuoteEscape.DOUBLED), "plain without backslash escapes");
        }

        @Test
        void closingQuoteMayDifferFromTheOpeningOne() {
            ScriptCursor s = cursor("[a]]b]");
            assertEquals(3, s.quoteEnd(0, ']', QuoteEscape.NONE));
            assertEquals(6, s.quoteEnd(0, ']', QuoteEscape.DOUBLED));
        }

        @Test
        void quoteEndDoesNotMoveTheCursor() {
            ScriptCursor s = cursor("'a' b");
            s.quoteEnd(0, '\'', QuoteEscape.DOUBLED);
            assertEquals(0, s.position());
        }
    }

    @Nested
    class Places {

        @Test
        void linesHonourTheFirstLineAndColumnsStartAtOne() {
            ScriptCursor s = new ScriptCursor("ab\ncd", "f.sql", 20);
            assertEquals(20, s.line(0));
            assertEquals(1, s.column(0));
            assertEquals(21, s.line(4));
            assertEquals(2, s.column(4));
            assertEquals(new Location("f.sql", 21, 2), s.location(4));
            assertEquals("line 21, column 2", s.describe(4));
        }

        @Test
        void crlfLfAndLoneCrEachEndALine() {
            ScriptCursor s = cursor("a\r\nb\rc\nd");
            assertEquals("line 1, column 2", s.describe(1), "before the CR");
            assertEquals("line 1, column 2", s.describe(2), "between CR and LF");
            assertEquals("line 2, column 1", s.describe(3));
            assertEquals("line 3, column 1", s.describe(5));
            assertEquals("line 4, column 1", s.describe(7));
            assertEquals("line 4, column 2", s.describe(8), "the end of the text");
        }

        @Test
        void columnsCountCodePoints() {
            ScriptCursor s = cursor("'\uD83D\uDE00' x");
            assertEquals(4, s.column(4), "the emoji is one column");
            assertEquals(5, s.column(5));
        }

        @Test
        void anEarlierOffsetCountsAgainFromTheTop() {
            ScriptCursor s = cursor("a\nb\nc");
            assertEquals(3, s.line(4));
            assertEquals(1, s.line(0));
            assertEquals(2, s.line(2));
            assertEquals(3, s.line(4));
        }

        @Test
        void offsetsOutsideTheTextAreRefused() {
            ScriptCursor s = cursor("ab");
            assertThrows(IndexOutOfBoundsException.class, () -> s.line(3));
        }
    }
}
