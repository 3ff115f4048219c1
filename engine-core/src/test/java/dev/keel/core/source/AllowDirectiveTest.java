package dev.keel.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.Location;
import dev.keel.spi.Problem;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.migration.Allowance.Scope;
import dev.keel.spi.migration.MigrationScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -- keel:allow}: ids, reason, and whether it covers the next statement or the whole file (RULES.md). */
class AllowDirectiveTest {

    private static MigrationScript migration(String text) {
        ReadResult result = new MigrationReader(ReaderSettings.defaults("postgres"))
                .read(List.of(new MemorySource().file("0001_x.sql", text)));
        assertEquals(List.of(), result.problems());
        return result.migrations().get(0);
    }

    private static Allowance onlyAllowance(String text) {
        List<Allowance> allowances = migration(text).allowances();
        assertEquals(1, allowances.size(), allowances::toString);
        return allowances.get(0);
    }

    @Test
    void severalIdsSeparatedByCommasThenTheReason() {
        Allowance a = onlyAllowance("-- keel:allow drop-table, truncate-table,drop-column  emptied by job 42, twice\n"
                + "DROP TABLE t;\n");
        assertEquals(List.of("drop-table", "truncate-table", "drop-column"), a.ruleIds());
        assertEquals("emptied by job 42, twice", a.reason());
        assertEquals(1, a.line());
        assertTrue(a.names("DROP-TABLE"), "ids compare ignoring case");
    }

    @Test
    void directlyAboveAStatementCoversThatStatement() {
        assertEquals(Scope.STATEMENT, onlyAllowance("-- keel:allow drop-table why\n-- more words\nDROP TABLE t;\n").scope());
    }

    @Test
    void inTheHeaderFollowedByABlankLineCoversTheFile() {
        Allowance a = onlyAllowance("-- Author: me\n-- keel:allow drop-table the whole file is a cleanup\n-- note\n\n"
                + "DROP TABLE a;\nDROP TABLE b;\n");
        assertEquals(Scope.FILE, a.scope());
        assertEquals(2, a.line());
    }

    @Test
    void aBlankLineWithSpacesAndCrlfLineEndsCountsToo() {
        assertEquals(Scope.FILE, onlyAllowance("-- keel:allow drop-table why\r\n  \t\r\nDROP TABLE a;\r\n").scope());
    }

    @Test
    void belowTheFirstStatementAnAllowAlwaysCoversTheNextStatement() {
        assertEquals(Scope.STATEMENT,
                onlyAllowance("CREATE TABLE a (id int);\n-- keel:allow drop-table why\n\nDROP TABLE b;\n").scope());
    }

    @Test
    void underAnUpMarkerTheHeaderRuleStillApplies() {
        assertEquals(Scope.FILE, onlyAllowance("-- migrate:up\n-- keel:allow drop-table why\n\nDROP TABLE b;\n"
                + "-- migrate:down\nCREATE TABLE b (id int);\n").scope());
    }

    @Test
    void withoutAReasonItIsLeftForLintWithItsLineAndAFix() {
        MigrationScript m = migration("-- keel:allow drop-table, truncate-table\nDROP TABLE t;\n");
        assertEquals(List.of(), m.allowances());
        Problem p = m.invalidAllowances().get(0);
        assertEquals(ErrorCode.DIRECTIVE_INVALID, p.code());
        assertEquals(1, p.where().map(Location::line).orElse(0));
        assertTrue(p.what().contains("drop-table, truncate-table gives no reason"), p.what());
        assertTrue(p.fix().contains("-- keel:allow drop-table "), p.fix());
    }

    @Test
    void withoutAnIdItIsLeftForLint() {
        Problem p = migration("SELECT 1;\n-- keel:allow\n").invalidAllowances().get(0);
        assertTrue(p.what().contains("needs a rule id and a reason"), p.what());
        assertEquals(2, p.where().map(Location::line).orElse(0));
    }

    @Test
    void theDirectiveStaysPartOfTheChecksum() {
        assertNotEquals(migration("DROP TABLE t;\n").checksum(),
                migration("-- keel:allow drop-table why\nDROP TABLE t;\n").checksum());
    }

    @Test
    void aFileThatIsNotAMigrationIsReadWithTheSameParser() {
        ScriptAllowances read = ScriptAllowances.read(
                "-- keel:allow drop-table why\n\n-- keel:bogus ignored here\nDROP TABLE t;\n-- keel:allow x\n", "x.sql");
        assertEquals(List.of(new Allowance(List.of("drop-table"), "why", 1, Scope.FILE)), read.allowances());
        assertEquals(1, read.invalid().size());
        assertEquals(5, read.invalid().get(0).where().map(Location::line).orElse(0));
    }
}
