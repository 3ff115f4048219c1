package dev.keel.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommentScannerTest {

    private static CodeScan flat(String text) {
        return CommentScanner.scan(text, 0, text.length(), false);
    }

    private static CodeScan nested(String text) {
        return CommentScanner.scan(text, 0, text.length(), true);
    }

    @Test
    void findsFirstCodeAfterComments() {
        String text = "-- a\n/* b */\r\n  -- c\nSELECT 1;";
        assertEquals(new CodeScan(text.indexOf("SELECT"), -1), flat(text));
        assertEquals(new CodeScan(-1, -1), flat(" \t\n-- only\n/**/"));
        assertEquals(new CodeScan(0, -1), flat("-x"));
        assertEquals(new CodeScan(0, -1), flat("/*!40101 SET NAMES utf8 */"));
    }

    @Test
    void nestingChangesWhereACommentEnds() {
        String text = "/* a /* b */ c */";
        assertEquals(13, flat(text).firstCode());
        assertEquals(new CodeScan(-1, -1), nested(text));
        assertEquals(new CodeScan(-1, 0), nested("/* a /* b */"));
        assertEquals(new CodeScan(-1, 5), flat("-- x\n/* open"));
    }

    @Test
    void scansOnlyTheRange() {
        String text = "SELECT 1;\n-- c\n";
        assertEquals(new CodeScan(-1, -1), CommentScanner.scan(text, 10, text.length(), false));
        assertEquals(new CodeScan(-1, -1), CommentScanner.scan("/* x */ y", 0, 7, false));
    }

    @Test
    void lineNumbersCountEveryLineEnding() {
        assertEquals(4, CommentLines.lineAt("a\nb\r\nc\rd", 7));
        assertEquals(4, CommentLines.scan("a\nb\r\nc\r-- d").get(0).number());
    }
}
