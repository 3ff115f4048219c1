package com.example.keel.tablecomment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.rule.Finding;
import dev.keel.testkit.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule through Keel's real lint path, with the rule test kit. */
class TableCommentRuleTest {

    @Test
    void postgresNeedsACommentOnTableInTheSameMigration() {
        RuleTester.forRule(new TableCommentRule()).dialect("postgres")
                .flags("CREATE TABLE accounts (id bigint PRIMARY KEY)")
                .passes("CREATE TABLE accounts (id bigint PRIMARY KEY);\nCOMMENT ON TABLE accounts IS 'Customer accounts'")
                .passes("CREATE TABLE app.\"Accounts\" (id int);\nCOMMENT ON TABLE app.\"Accounts\" IS $$who pays$$")
                .passes("CREATE TABLE accounts (id int);\nCOMMENT ON TABLE accounts IS E'it\\'s ours'")
                .flags("CREATE TABLE accounts (id int);\nCOMMENT ON TABLE other IS 'not this one'")
                .flags("CREATE TABLE accounts (id int);\nCOMMENT ON COLUMN accounts.id IS 'a column, not the table'")
                .flags("CREATE TABLE accounts (id int);\nCOMMENT ON TABLE accounts IS NULL")
                .flags("CREATE TABLE accounts (id int);\nCOMMENT ON TABLE accounts IS ''")
                .flags("COMMENT ON TABLE accounts IS 'too early';\nCREATE TABLE accounts (id int)")
                .passes("CREATE TEMPORARY TABLE scratch (id int)")
                .passes("ALTER TABLE accounts ADD COLUMN note text")
                .verify();
    }

    @Test
    void mysqlNeedsATableCommentOptionOrALaterAlterTable() {
        RuleTester.forRule(new TableCommentRule()).dialect("mysql")
                .flags("CREATE TABLE accounts (id BIGINT PRIMARY KEY) ENGINE=InnoDB")
                .flags("CREATE TABLE accounts (id BIGINT COMMENT 'a column comment is not enough')")
                .passes("CREATE TABLE accounts (id BIGINT PRIMARY KEY) ENGINE=InnoDB COMMENT='Customer accounts'")
                .passes("CREATE TABLE `accounts` (id INT) COMMENT 'Customer \\'accounts\\''")
                .flags("CREATE TABLE accounts (id INT) COMMENT=''")
                .passes("CREATE TABLE accounts (id INT);\nALTER TABLE accounts COMMENT = 'Customer accounts'")
                .flags("CREATE TABLE accounts (id INT, note TEXT);\nALTER TABLE accounts MODIFY note TEXT COMMENT 'column'")
                .passes("CREATE TEMPORARY TABLE scratch (id INT)")
                .dialect("mariadb")
                .flags("CREATE TABLE accounts (id INT)")
                .verify();
    }

    @Test
    void sqliteHasNoTableCommentsSoTheRuleDoesNotApply() {
        RuleTester.forRule(new TableCommentRule()).dialect("sqlite")
                .passes("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
                .verify();
    }

    @Test
    void eachUncommentedTableIsOneFindingAtItsCreateTable() {
        List<Finding> findings = RuleTester.forRule(new TableCommentRule()).dialect("postgres").findings("""
                CREATE TABLE accounts (id int);
                COMMENT ON TABLE accounts IS 'Customer accounts';
                CREATE TABLE invoices (id int);
                """);

        assertEquals(1, findings.size(), findings::toString);
        Finding finding = findings.get(0);
        assertEquals(TableCommentRule.ID, finding.ruleId());
        assertEquals(3, finding.location().line());
        assertTrue(finding.message().contains("invoices"), finding.message());
        assertTrue(finding.remediation().contains("COMMENT ON TABLE invoices IS"), finding.remediation());
    }
}
