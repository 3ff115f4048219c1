package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The rule test kit on the engine's real analyzer (keel-rules) and a split-only test dialect: what passes, and what
 * each failure says.
 */
class RuleTesterTest {

    private static final ProbeRule CREATE_TABLE = ProbeRule.flagging("a table is created",
            (s, m) -> s.kind() == StatementKind.CREATE_TABLE);

    @Test
    void casesThatHoldPass() {
        RuleTester.forRule(CREATE_TABLE).dialect("semicolon")
                .flags("CREATE TABLE t (id int)")
                .flags("INSERT INTO x VALUES (1);\nCREATE TABLE t (id int)")
                .passes("INSERT INTO x VALUES (1)")
                .passes("-- only a comment\n")
                .verify();
    }

    @Test
    void aDialectAliasIsAccepted() {
        RuleTester.forRule(CREATE_TABLE).dialect("SEMI").flags("CREATE TABLE t (id int)").verify();
    }

    @Test
    void aMissingFindingShowsTheStatementsAsTheRuleSawThem() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleTester.forRule(CREATE_TABLE)
                .dialect("semicolon").flags("INSERT INTO x VALUES (1);\nDROP TABLE y").verify());

        String message = e.getMessage();
        assertContains(message, "[case 1] flags() on semicolon");
        assertContains(message, "expected a finding of probe-rule on some statement, found none");
        assertContains(message, "statement #0 (line 1, col 1) `INSERT INTO x VALUES (1)`  INSERT  tables [x]");
        assertContains(message, "statement #1 (line 2, col 1) `DROP TABLE y`  DROP_TABLE  tables [y]");
        assertContains(message, "    | DROP TABLE y");
    }

    @Test
    void anUnexpectedFindingNamesTheStatementAndWhatWasFound() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleTester.forRule(CREATE_TABLE)
                .dialect("semicolon").passes("INSERT INTO x VALUES (1);\n  CREATE TABLE t (id int)").verify());

        assertContains(e.getMessage(), "[case 1] passes() on semicolon");
        assertContains(e.getMessage(), "expected no finding of probe-rule, found 1:");
        assertContains(e.getMessage(),
                "statement #1 (line 2, col 3) `CREATE TABLE t (id int)`: error, risk medium, [probe-rule] a table is created");
    }

    @Test
    void everyFailingCaseIsReportedTogether() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleTester.forRule(CREATE_TABLE)
                .dialect("semicolon")
                .passes("CREATE TABLE a (id int)")
                .flags("CREATE TABLE b (id int)")
                .flags("DELETE FROM c")
                .verify());

        assertContains(e.getMessage(), "Rule probe-rule: 2 problem(s) in 3 case(s).");
        assertContains(e.getMessage(), "[case 1] passes()");
        assertContains(e.getMessage(), "[case 3] flags()");
        assertTrue(!e.getMessage().contains("[case 2]"), e.getMessage());
    }

    @Test
    void theRuleSeesTheMigrationAsTheEngineBuildsIt() {
        ProbeRule indexOnTableCreatedBefore = ProbeRule.flagging("index on a new table",
                (s, m) -> s.kind() == StatementKind.CREATE_INDEX && m.createdBefore(s, "t"));
        RuleTester.forRule(indexOnTableCreatedBefore).dialect("semicolon")
                .flags("CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id)")
                .passes("CREATE INDEX t_id ON t (id)")
                .verify();

        ProbeRule inTransaction = ProbeRule.flagging("in a transaction", (s, m) -> m.inTransaction(s));
        RuleTester.forRule(inTransaction).dialect("semicolon")
                .flags("CREATE TABLE t (id int)")
                .passes("-- keel:transaction none\nCREATE TABLE t (id int)")
                .verify();
    }

    @Test
    void theServerGivenReachesTheStatements() {
        ProbeRule before16 = ProbeRule.flagging("old server", (s, m) -> s.serverMajor().map(v -> v < 16).orElse(false));
        RuleTester.forRule(before16).dialect("semicolon")
                .passes("CREATE TABLE t (id int)")
                .server(new ServerInfo("PostgreSQL", "15.4", 15, 4))
                .flags("CREATE TABLE t (id int)")
                .server(new ServerInfo("PostgreSQL", "16.1", 16, 1))
                .passes("CREATE TABLE t (id int)")
                .verify();
    }

    @Test
    void aRuleThatThrowsFailsTheCaseWithItsStackTrace() {
        ProbeRule throwing = ProbeRule.flagging("never", (s, m) -> {
            throw new IllegalStateException("boom in the rule");
        });

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RuleTester.forRule(throwing).dialect("semicolon").passes("SELECT 1").verify());

        assertContains(e.getMessage(), "the rule threw on statement #0 (line 1, col 1) `SELECT 1`");
        assertContains(e.getMessage(), "boom in the rule");
        assertEquals(1, e.getSuppressed().length);
        assertInstanceOf(IllegalStateException.class, e.getSuppressed()[0]);
    }

    @Test
    void aFindingUnderAnotherIdFailsEvenWhereAFindingWasExpected() {
        ProbeRule misnamed = new ProbeRule("probe-rule", "other-id", "flagged", (s, m) -> true);

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RuleTester.forRule(misnamed).dialect("semicolon").flags("SELECT 1").verify());

        assertContains(e.getMessage(), "under the id 'other-id', not its own id 'probe-rule'");
        assertContains(e.getMessage(), "expected a finding of probe-rule on some statement, found none");
    }

    @Test
    void aScriptThatIsNoValidMigrationSaysWhatTheReaderFound() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleTester.forRule(CREATE_TABLE)
                .dialect("semicolon").flags("-- keel:transacton none\nCREATE TABLE t (id int)").verify());

        assertContains(e.getMessage(), "the script is not a valid migration");
        assertContains(e.getMessage(), ErrorCode.DIRECTIVE_UNKNOWN.code());
    }

    @Test
    void aRuleIdThatIsNotKebabCaseIsReported() {
        ProbeRule badId = new ProbeRule("Probe_Rule", "Probe_Rule", "x", (s, m) -> true);

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RuleTester.forRule(badId).dialect("semicolon").flags("SELECT 1").verify());

        assertContains(e.getMessage(), "[rule] id 'Probe_Rule' is not kebab-case");
    }

    @Test
    void verifyWithoutCasesFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RuleTester.forRule(CREATE_TABLE).dialect("semicolon").verify());

        assertContains(e.getMessage(), "no case to check");
    }

    @Test
    void findingsAreReturnedForOwnAssertions() {
        List<Finding> findings = RuleTester.forRule(CREATE_TABLE).dialect("semicolon")
                .findings("SELECT 1;\nCREATE TABLE t (id int)");

        assertEquals(1, findings.size());
        assertEquals("a table is created", findings.get(0).message());
        assertEquals(2, findings.get(0).location().line());
        assertEquals(EngineLintPath.FILE_NAME, findings.get(0).location().file());
    }

    @Test
    void aDialectNotOnTheClassPathIsACodedErrorSayingWhatToAdd() {
        KeelException e = assertThrows(KeelException.class,
                () -> RuleTester.forRule(CREATE_TABLE).dialect("pg").flags("SELECT 1").verify());

        assertEquals(ErrorCode.OPTION_INVALID, e.code());
        assertContains(e.getMessage(), "No Keel dialect named 'pg'");
        assertContains(e.problems().get(0).fix(), "dev.keel:keel-dialect-postgres");
    }

    @Test
    void casesNeedADialectFirst() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuleTester.forRule(CREATE_TABLE).flags("SELECT 1"));

        assertContains(e.getMessage(), ".dialect(\"postgres\")");
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected to find\n  " + expected + "\nin\n" + text);
    }
}
