package dev.keel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** The text forms of a lint finding, rendered without a terminal: plain with colours off, ANSI-styled with them on. */
class FindingTextTest {

    private static Finding finding(Severity severity, int line, int column, String excerpt) {
        return new Finding("pg-index-not-concurrent", severity, Risk.HIGH, new Location("/abs/V2__idx.sql", line, column),
                excerpt, "CREATE INDEX takes a SHARE lock on orders: writes are blocked for the whole index build.",
                "CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction.",
                "docs/rules.md#pg-index-not-concurrent");
    }

    private static List<String> plain(List<String> markup) {
        return markup.stream().map(Ansi.OFF::string).toList();
    }

    @Test
    void theOneLineIsFileLineColumnLevelMessageAndRuleId() {
        assertEquals("V2__idx.sql:7:3: warning: CREATE INDEX takes a SHARE lock on orders: writes are blocked for the "
                + "whole index build. [pg-index-not-concurrent]",
                Ansi.OFF.string(FindingText.oneLine(finding(Severity.WARNING, 7, 3, "CREATE INDEX …"), "V2__idx.sql")));
    }

    @Test
    void theFullFormShowsTheSourceLineWithACaretUnderTheColumnThenHelpAndDocs() {
        List<String> lines = plain(FindingText.full(finding(Severity.WARNING, 12, 5, "CREATE INDEX o ON orders (x)"),
                "V2__idx.sql", Optional.of("    CREATE INDEX o ON orders (x);")));
        assertEquals(List.of(
                "V2__idx.sql:12:5: warning: CREATE INDEX takes a SHARE lock on orders: writes are blocked for the whole "
                        + "index build. [pg-index-not-concurrent]",
                " 12 |     CREATE INDEX o ON orders (x);",
                "    |     ^",
                "  help: CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction.",
                "  docs: docs/rules.md#pg-index-not-concurrent"), lines);
    }

    @Test
    void tabsBeforeTheColumnStayTabsSoTheCaretLinesUp() {
        List<String> lines = plain(FindingText.full(finding(Severity.ERROR, 3, 3, "DROP TABLE t"), "f.sql",
                Optional.of("\t\tDROP TABLE t;")));
        assertEquals(" 3 | \t\tDROP TABLE t;", lines.get(1));
        assertEquals("   | \t\t^", lines.get(2));
    }

    @Test
    void withoutTheSourceTheExcerptStandsInWithTheCaretAtItsStart() {
        List<String> lines = plain(FindingText.full(finding(Severity.INFO, 4, 9, "DO $$ BEGIN … END $$"), "classpath:db/V1.sql",
                Optional.empty()));
        assertEquals(" 4 | DO $$ BEGIN … END $$", lines.get(1));
        assertEquals("   | ^", lines.get(2));
    }

    @Test
    void aLongLineIsCutAroundTheCaret() {
        String values = "(1, 'x'), ".repeat(40);
        String source = "INSERT INTO t (id, v) VALUES " + values + "(2, 'y'); UPDATE t SET v = 'z';";
        int column = source.indexOf("UPDATE") + 1;
        List<String> lines = plain(FindingText.full(finding(Severity.ERROR, 1, column, "UPDATE t SET v = 'z'"), "f.sql",
                Optional.of(source)));
        String shown = lines.get(1).substring(" 1 | ".length());
        String caretLine = lines.get(2).substring("   | ".length());
        assertTrue(shown.startsWith("…") && shown.length() <= FindingText.MAX_SOURCE_WIDTH + 2, shown);
        assertEquals("UPDATE", shown.substring(caretLine.indexOf('^'), caretLine.indexOf('^') + 6), lines.toString());
    }

    @Test
    void aColumnPastTheEndOfTheLinePutsTheCaretAtTheEnd() {
        List<String> lines = plain(FindingText.full(finding(Severity.ERROR, 1, 50, "x"), "f.sql", Optional.of("abc")));
        assertEquals("   | " + "   ^", lines.get(2));
    }

    @Test
    void withColoursTheLevelAndCaretTakeTheSeverityColour() {
        List<String> error = FindingText.full(finding(Severity.ERROR, 1, 1, "DROP TABLE t"), "f.sql", Optional.of("DROP TABLE t;"))
                .stream().map(Ansi.ON::string).toList();
        assertTrue(error.get(0).contains("\u001B[31m") && error.get(0).contains("error"), error.get(0)); // red
        assertTrue(error.get(2).contains("\u001B[31m") && error.get(2).contains("^"), error.get(2));
        String warning = Ansi.ON.string(FindingText.oneLine(finding(Severity.WARNING, 1, 1, "x"), "f.sql"));
        assertTrue(warning.contains("\u001B[33m"), warning); // yellow
        String info = Ansi.ON.string(FindingText.oneLine(finding(Severity.INFO, 1, 1, "x"), "f.sql"));
        assertTrue(info.contains("\u001B[34m"), info); // blue
        assertFalse(Ansi.OFF.string(FindingText.oneLine(finding(Severity.INFO, 1, 1, "x"), "f.sql")).contains("\u001B"));
    }

    @Test
    void markupInTheSqlIsNotInterpreted() {
        List<String> lines = plain(FindingText.full(finding(Severity.ERROR, 1, 1, "SELECT '@|bold x|@'"), "f.sql",
                Optional.of("SELECT '@|bold x|@';")));
        assertTrue(lines.get(1).contains("SELECT '@ |bold x|@'"), lines.get(1)); // escaped, not styled
    }
}
