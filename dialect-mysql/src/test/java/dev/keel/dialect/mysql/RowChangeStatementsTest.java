package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowChangeStatementsTest {

    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO t VALUES (1)", "update t set a = 1", "  Delete FROM t", "REPLACE INTO t VALUES (1)",
            "-- seed\nINSERT INTO t VALUES (1)", "# seed\n\tINSERT INTO t VALUES (1)", "/* seed */ UPDATE t SET a = 1"})
    void rowChanges(String sql) {
        assertTrue(RowChangeStatements.isRowChange(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT)", "ALTER TABLE t ADD COLUMN c INT", "TRUNCATE t", "DROP TABLE t",
            "SELECT SLEEP(1)", "CALL p()", "/*!40101 INSERT INTO t VALUES (1) */", "/*M!100100 UPDATE t SET a = 1 */",
            "--x\nINSERT INTO t VALUES (1)", "INSERTED", "", "-- only a comment", "LOAD DATA INFILE 'f' INTO TABLE t",
            "RENAME TABLE a TO b", "SET @x = 1", "BEGIN", "LOCK TABLES t WRITE"})
    void everythingElse(String sql) {
        assertFalse(RowChangeStatements.isRowChange(sql), sql);
    }
}
