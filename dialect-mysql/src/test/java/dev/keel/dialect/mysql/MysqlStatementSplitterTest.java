package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.dialect.StatementSplitter;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.testkit.StatementSplitterContractTest;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * MySQL's and MariaDB's own splitting cases; the cases every dialect passes come from
 * {@link StatementSplitterContractTest}.
 */
class MysqlStatementSplitterTest extends StatementSplitterContractTest {

    @Override
    protected StatementSplitter splitter() {
        return new MysqlStatementSplitter();
    }

    @Nested
    class MysqlBasics {

        @Test
        void hashAndBareDashDashCommentScriptsGiveNothing() {
            assertEquals(List.of(), texts("# only a hash comment; really\n-- and a dash comment;\n/* block; */\n"));
            assertEquals(List.of(), texts("--"));
        }

        @Test
        void commentsInsideAStatementAreKept() {
            assertEquals(List.of("SELECT 1 -- one\n  + 2 # two\n  + 3 /* three */ + 4", "SELECT 4"),
                    texts("# header\nSELECT 1 -- one\n  + 2 # two\n  + 3 /* three */ + 4 /* trailing */; -- trailing\nSELECT 4"));
        }
    }

    @Nested
    class QuotesAndComments {

        @Test
        void singleAndDoubleQuotedStringsWithBackslashEscapesAndDoubledQuotes() {
            assertEquals(List.of("SELECT 'a;b', 'it\\'s; ok', 'x''y;', \"d\\\";q\", \"e\"\";\"", "SELECT 2"),
                    texts("SELECT 'a;b', 'it\\'s; ok', 'x''y;', \"d\\\";q\", \"e\"\";\"; SELECT 2"));
        }

        @Test
        void backslashBeforeTheClosingQuoteIsAnEscapedBackslash() {
            assertEquals(List.of("SELECT 'C:\\\\'", "SELECT 2"), texts("SELECT 'C:\\\\'; SELECT 2"));
        }

        @Test
        void backticksHoldAnythingAndDoubleToEscape() {
            assertEquals(List.of("CREATE TABLE `a;b` (`it's` INT, `x``;y` INT, `#c` INT, `-- d` INT)", "SELECT 2"),
                    texts("CREATE TABLE `a;b` (`it's` INT, `x``;y` INT, `#c` INT, `-- d` INT); SELECT 2"));
        }

        @Test
        void backslashDoesNotEscapeInBackticks() {
            assertEquals(List.of("SELECT `a\\`", "SELECT 2"), texts("SELECT `a\\`; SELECT 2"));
        }

        @Test
        void hashCommentsRunToTheEndOfTheLine() {
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; # a comment; SELECT 3\nSELECT 2;"));
        }

        @Test
        void dashDashNeedsWhiteSpaceOrAControlCharacterAfterIt() {
            assertEquals(List.of("SELECT 5--1", "SELECT 2"), texts("SELECT 5--1; SELECT 2;"));
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; -- comment; SELECT 3\nSELECT 2;"));
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; --\tcomment; x\nSELECT 2;"));
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; --\nSELECT 2;"));
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("SELECT 1; --\r\nSELECT 2;"));
            assertEquals(List.of("UPDATE t SET a = a --x", "SELECT 2"), texts("UPDATE t SET a = a --x; SELECT 2"));
        }

        @Test
        void blockCommentsDoNotNest() {
            assertEquals(List.of("SELECT 2 */ AS x", "SELECT 3"), texts("/* a /* b; */ SELECT 2 */ AS x; SELECT 3"));
        }

        @Test
        void optimizerHintsStayInTheStatement() {
            assertEquals(List.of("SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t"),
                    texts("SELECT /*+ MAX_EXECUTION_TIME(1000) */ * FROM t;"));
        }

        @Test
        void commentMarkersInsideStringsAreText() {
            assertEquals(List.of("INSERT INTO t VALUES ('#no', '-- no', '/* no', \"*/\")", "SELECT 2"),
                    texts("INSERT INTO t VALUES ('#no', '-- no', '/* no', \"*/\"); SELECT 2"));
        }
    }

    @Nested
    class ExecutableComments {

        @Test
        void conditionalCommentsAreStatements() {
            List<SqlStatement> got = split("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
                    + "/*!50001 CREATE VIEW v AS SELECT 1 AS x */;\n/*M!100100 SET @x = 1 */;\n/*! SET @y = 2 */;");
            assertEquals(List.of("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */",
                    "/*!50001 CREATE VIEW v AS SELECT 1 AS x */", "/*M!100100 SET @x = 1 */", "/*! SET @y = 2 */"),
                    got.stream().map(SqlStatement::sql).toList());
        }

        @Test
        void semicolonsInsideExecutableCommentsBelongToTheStatement() {
            assertEquals(List.of("/*!50003 CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; SET @y = 2;"
                    + " END */", "SELECT 2"),
                    texts("/*!50003 CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; SET @y = 2; END */;"
                            + "\nSELECT 2;"));
        }

        @Test
        void executableCommentsInsideAStatement() {
            assertEquals(List.of("CREATE TABLE t (id INT) /*!50100 ENGINE=InnoDB */ /*!40101 DEFAULT CHARSET=utf8mb4 */"),
                    texts("CREATE TABLE t (id INT) /*!50100 ENGINE=InnoDB */ /*!40101 DEFAULT CHARSET=utf8mb4 */;"));
        }

        @Test
        void quotesInsideExecutableCommentsAreRead() {
            assertEquals(List.of("/*!50003 SET @x = '*/;' */", "SELECT 2"), texts("/*!50003 SET @x = '*/;' */; SELECT 2"));
        }

        @Test
        void mysqldumpTriggerInDelimiterBlock() {
            String dump = "DELIMITER ;;\n"
                    + "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg BEFORE INSERT ON t\n"
                    + "FOR EACH ROW BEGIN\n  SET NEW.a = 1;\n  SET NEW.b = 2;\nEND */;;\nDELIMITER ;\nSELECT 1;";
            List<SqlStatement> got = split(dump);
            assertEquals(2, got.size());
            assertTrue(got.get(0).sql().startsWith("/*!50003 CREATE*/"));
            assertTrue(got.get(0).sql().endsWith("END */"));
            assertEquals(2, got.get(0).line());
            assertEquals("SELECT 1", got.get(1).sql());
        }
    }

    @Nested
    class Delimiter {

        @Test
        void delimiterSwitchesAndIsNotSent() {
            String script = "CREATE TABLE t (id INT);\n"
                    + "DELIMITER $$\n"
                    + "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\n"
                    + "CREATE FUNCTION f() RETURNS INT RETURN 1 $$\n"
                    + "DELIMITER ;\n"
                    + "INSERT INTO t VALUES (1);\n";
            List<SqlStatement> got = split(script);
            assertEquals(List.of("CREATE TABLE t (id INT)", "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND",
                    "CREATE FUNCTION f() RETURNS INT RETURN 1", "INSERT INTO t VALUES (1)"),
                    got.stream().map(SqlStatement::sql).toList());
            assertEquals(List.of(1, 3, 8, 10), got.stream().map(SqlStatement::line).toList());
        }

        @Test
        void otherDelimitersAndLowerCase() {
            assertEquals(List.of("SELECT 1; SELECT 2", "SELECT 3"),
                    texts("delimiter //\nSELECT 1; SELECT 2 //\nSELECT 3//\n"));
            assertEquals(List.of("SELECT 1; SELECT 2", "SELECT 3"), texts("  DELIMITER ;;\nSELECT 1; SELECT 2;;\nSELECT 3;;\n"));
            assertEquals(List.of("SELECT 1", "SELECT 2"), texts("DELIMITER '$$'\nSELECT 1$$\nDELIMITER \";\"\nSELECT 2\n"));
        }

        @Test
        void delimiterInsideStringsAndCommentsDoesNotSplit() {
            assertEquals(List.of("SELECT '$$', `$$` -- $$\n FROM dual"),
                    texts("DELIMITER $$\nSELECT '$$', `$$` -- $$\n FROM dual $$\nDELIMITER ;\n"));
        }

        @Test
        void delimiterEndsAWordAsInTheClient() {
            assertEquals(List.of("BEGIN NOT ATOMIC SELECT 1; END", "SELECT x"),
                    texts("DELIMITER $$\nBEGIN NOT ATOMIC SELECT 1; END$$SELECT x$$\n"));
        }

        @Test
        void commentAfterTheDelimiterIsAllowed() {
            assertEquals(List.of("SELECT 1"), texts("DELIMITER $$ -- for the procedure\nSELECT 1$$\nDELIMITER ; # back\n"));
        }

        @Test
        void customDelimiterStillInForceAtTheEndIsFineWhenNothingFollows() {
            assertEquals(List.of("SELECT 1"), texts("DELIMITER $$\nSELECT 1$$\n"));
        }

        @Test
        void columnNamedDelimiterIsNotADirective() {
            assertEquals(List.of("CREATE TABLE t (\n  delimiter VARCHAR(1),\n  x INT\n)", "SELECT `delimiter` FROM t"),
                    texts("CREATE TABLE t (\n  delimiter VARCHAR(1),\n  x INT\n);\nSELECT `delimiter` FROM t;"));
            assertEquals(List.of("UPDATE t SET\ndelimiter = ';'"), texts("UPDATE t SET\ndelimiter = ';';"));
        }

        @Test
        void delimiterWithoutAValueIsAnError() {
            failing("SELECT 1;\nDELIMITER\nSELECT 2;", ErrorCode.DIRECTIVE_INVALID, 2, 1);
            failing("DELIMITER   \r\nSELECT 2;", ErrorCode.DIRECTIVE_INVALID, 1, 1);
        }

        @Test
        void delimiterWithExtraTextIsAnError() {
            failing("DELIMITER $$ ;\nSELECT 1$$", ErrorCode.DIRECTIVE_INVALID, 1, 1);
        }

        @Test
        void delimiterMadeOfLettersOrBackslashIsRefused() {
            failing("DELIMITER GO\nSELECT 1 GO\n", ErrorCode.DIRECTIVE_INVALID, 1, 1);
            failing("DELIMITER \\\\\nSELECT 1\n", ErrorCode.DIRECTIVE_INVALID, 1, 1);
            failing("DELIMITER #\nSELECT 1\n", ErrorCode.DIRECTIVE_INVALID, 1, 1);
            failing("DELIMITER '$ $'\nSELECT 1\n", ErrorCode.DIRECTIVE_INVALID, 1, 1);
            failing("DELIMITER ''\nSELECT 1\n", ErrorCode.DIRECTIVE_INVALID, 1, 1);
        }

        @Test
        void delimiterNotRestoredWithAStatementLeftOverIsAnError() {
            KeelException e = failing("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\n"
                    + "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n", ErrorCode.DIRECTIVE_INVALID, 3, 1);
            assertTrue(e.getMessage().contains("$$") && e.getMessage().contains("line 1"), e.getMessage());
        }

        @Test
        void delimiterInsideAnUnfinishedStatementIsAnError() {
            KeelException e = failing("DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND\nDELIMITER ;\n",
                    ErrorCode.DIRECTIVE_INVALID, 6, 1);
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
            failing("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nDELIMITER ;\n", ErrorCode.DIRECTIVE_INVALID, 4, 1);
        }

        @Test
        void delimiterAfterAStatementOnTheSameLineIsAnError() {
            failing("SELECT 1; DELIMITER $$\nSELECT 2$$\n", ErrorCode.DIRECTIVE_INVALID, 1, 11);
        }
    }

    @Nested
    class RoutinesWithoutDelimiter {

        @Test
        void procedureWithBeginEnd() {
            String proc = "CREATE PROCEDURE add_order(IN p_customer BIGINT, OUT p_id BIGINT)\n"
                    + "BEGIN\n"
                    + "  DECLARE v_now DATETIME DEFAULT NOW();\n"
                    + "  INSERT INTO orders (customer_id, created_at) VALUES (p_customer, v_now);\n"
                    + "  SET p_id = LAST_INSERT_ID();\n"
                    + "END";
            assertEquals(List.of("CREATE TABLE x (id INT)", proc, "SELECT 1"),
                    texts("CREATE TABLE x (id INT);\n" + proc + ";\nSELECT 1;"));
        }

        @Test
        void definerOrReplaceAndCharacteristics() {
            String proc = "CREATE OR REPLACE DEFINER=`app`@`%` PROCEDURE `p`()\n"
                    + "  COMMENT 'has; semicolon' NOT DETERMINISTIC MODIFIES SQL DATA SQL SECURITY INVOKER\n"
                    + "BEGIN\n  UPDATE t SET a = 1;\n  UPDATE t SET b = 2;\nEND";
            assertEquals(List.of(proc, "SELECT 1"), texts(proc + ";\nSELECT 1"));
            String other = "CREATE DEFINER = 'root'@'localhost' PROCEDURE p2() LANGUAGE SQL CONTAINS SQL BEGIN SELECT 1; END";
            assertEquals(List.of(other), texts(other + ";"));
            String current = "CREATE DEFINER=CURRENT_USER() PROCEDURE IF NOT EXISTS p3() BEGIN SELECT 1; SELECT 2; END";
            assertEquals(List.of(current), texts(current + ";"));
            String bare = "CREATE DEFINER=root@localhost PROCEDURE p4() READS SQL DATA BEGIN SELECT 1; SELECT 2; END";
            assertEquals(List.of(bare), texts(bare + ";"));
        }

        @Test
        void functionWithReturnTypeAndCaseExpression() {
            String fn = "CREATE FUNCTION price_with_tax(p DECIMAL(10,2), rate DECIMAL(5,4)) RETURNS DECIMAL(10,2)\n"
                    + "  DETERMINISTIC\n"
                    + "BEGIN\n"
                    + "  DECLARE r DECIMAL(10,2);\n"
                    + "  SET r = CASE WHEN rate IS NULL THEN p ELSE p * (1 + rate) END;\n"
                    + "  RETURN r;\n"
                    + "END";
            assertEquals(List.of(fn, "SELECT 2"), texts(fn + ";\nSELECT 2;"));
        }

        @Test
        void functionReturnTypesWithCharsetCollateAndUnsigned() {
            String fn = "CREATE FUNCTION slug(s VARCHAR(200)) RETURNS VARCHAR(200) CHARACTER SET utf8mb4 COLLATE"
                    + " utf8mb4_bin DETERMINISTIC BEGIN RETURN LOWER(REPLACE(s, ' ', '-')); END";
            assertEquals(List.of(fn), texts(fn + ";"));
            String fn2 = "CREATE FUNCTION n() RETURNS BIGINT UNSIGNED NO SQL BEGIN DECLARE x INT; RETURN 1; END";
            assertEquals(List.of(fn2), texts(fn2 + ";"));
            String fn3 = "CREATE FUNCTION c() RETURNS TEXT CHARSET utf8mb4 BEGIN RETURN 'a;b'; END";
            assertEquals(List.of(fn3), texts(fn3 + ";"));
        }

        @Test
        void functionWithSimpleBodyEndsAtTheFirstSemicolon() {
            assertEquals(List.of("CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN IF(x > 0, x, 0)", "SELECT 1"),
                    texts("CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN IF(x > 0, x, 0);\nSELECT 1;"));
            assertEquals(List.of("CREATE FUNCTION g() RETURNS INT RETURN (SELECT CASE WHEN 1 THEN 2 END)", "SELECT 1"),
                    texts("CREATE FUNCTION g() RETURNS INT RETURN (SELECT CASE WHEN 1 THEN 2 END); SELECT 1;"));
        }

        @Test
        void loadableFunctionIsAPlainStatement() {
            assertEquals(List.of("CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf_example.so'", "SELECT 1"),
                    texts("CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf_example.so'; SELECT 1;"));
        }

        @Test
        void triggerWithBody() {
            String trg = "CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW\n"
                    + "BEGIN\n"
                    + "  IF NEW.total < 0 THEN\n"
                    + "    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative total; refused';\n"
                    + "  ELSEIF NEW.total = 0 THEN\n"
                    + "    SET NEW.status = 'free';\n"
                    + "  ELSE\n"
                    + "    SET NEW.status = 'due';\n"
                    + "  END IF;\n"
                    + "END";
            assertEquals(List.of(trg, "SELECT 1"), texts(trg + ";\nSELECT 1;"));
        }

        @Test
        void triggerWithSimpleBodyAndFunctionsNamedLikeBlocks() {
            assertEquals(List.of("CREATE TRIGGER t1 BEFORE UPDATE ON a FOR EACH ROW SET NEW.x = IF(NEW.y > 0, REPEAT('a', 2), '')",
                    "SELECT 1"),
                    texts("CREATE TRIGGER t1 BEFORE UPDATE ON a FOR EACH ROW SET NEW.x = IF(NEW.y > 0, REPEAT('a', 2), '');"
                            + " SELECT 1;"));
        }

        @Test
        void triggerBodyThatIsAnIfStatementAndTriggerOrder() {
            String trg = "CREATE TRIGGER t2 AFTER INSERT ON a FOR EACH ROW FOLLOWS `db`.`t1`\n"
                    + "IF (NEW.x > 0) THEN\n  INSERT INTO log VALUES (NEW.id);\n  UPDATE c SET n = n + 1;\nEND IF";
            assertEquals(List.of(trg, "SELECT 1"), texts(trg + ";\nSELECT 1;"));
            String trg2 = "CREATE TRIGGER t3 AFTER INSERT ON a FOR EACH ROW PRECEDES t1 BEGIN SET @a = 1; SET @b = 2; END";
            assertEquals(List.of(trg2), texts(trg2 + ";"));
        }

        @Test
        void triggerUsingColumnsCalledBeginAndEnd() {
            String trg = "CREATE TRIGGER periods_bi BEFORE INSERT ON periods FOR EACH ROW\n"
                    + "BEGIN\n"
                    + "  IF NEW.end < NEW.begin THEN SET NEW.end = NEW.begin; END IF;\n"
                    + "  SET @last_end = NEW.end;\n"
                    + "  SELECT `end`, `begin` INTO @e, @b FROM periods WHERE id = NEW.id;\n"
                    + "END";
            assertEquals(List.of(trg, "SELECT 1"), texts(trg + ";\nSELECT 1;"));
        }

        @Test
        void eventWithBody() {
            String event = "CREATE EVENT IF NOT EXISTS purge_sessions\n"
                    + "  ON SCHEDULE EVERY 1 DAY STARTS CURRENT_TIMESTAMP + INTERVAL 1 HOUR\n"
                    + "  ON COMPLETION PRESERVE COMMENT 'nightly; cleanup' DO\n"
                    + "BEGIN\n  DELETE FROM sessions WHERE expires_at < NOW();\n  DELETE FROM tokens WHERE used = 1;\nEND";
            assertEquals(List.of(event, "SELECT 1"), texts(event + ";\nSELECT 1;"));
        }

        @Test
        void eventWithSimpleBodyAndAlterEvent() {
            assertEquals(List.of("CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP DO DELETE FROM t", "SELECT 1"),
                    texts("CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP DO DELETE FROM t; SELECT 1;"));
            String alter = "ALTER EVENT e DO BEGIN DELETE FROM a; DELETE FROM b; END";
            assertEquals(List.of(alter, "ALTER EVENT e DISABLE"), texts(alter + ";\nALTER EVENT e DISABLE;"));
        }

        @Test
        void nestedBlocksLabelsAndLoops() {
            String proc = "CREATE PROCEDURE walk()\n"
                    + "proc: BEGIN\n"
                    + "  DECLARE done INT DEFAULT 0;\n"
                    + "  DECLARE i INT DEFAULT 0;\n"
                    + "  DECLARE cur CURSOR FOR SELECT id FROM t WHERE flag = 'end';\n"
                    + "  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;\n"
                    + "  DECLARE EXIT HANDLER FOR SQLEXCEPTION, SQLSTATE '23000', 1062\n"
                    + "  BEGIN\n    ROLLBACK;\n    RESIGNAL;\n  END;\n"
                    + "  OPEN cur;\n"
                    + "  read_loop: LOOP\n"
                    + "    FETCH cur INTO i;\n"
                    + "    IF done THEN LEAVE read_loop; END IF;\n"
                    + "    CASE i\n"
                    + "      WHEN 1 THEN SET @one = CASE WHEN i > 0 THEN 'pos' ELSE 'neg' END;\n"
                    + "      WHEN 2 THEN BEGIN SELECT 2; SELECT 3; END;\n"
                    + "      ELSE SET @other = i;\n"
                    + "    END CASE;\n"
                    + "    WHILE i < 10 DO\n      SET i = i + 1;\n    END WHILE;\n"
                    + "    REPEAT\n      SET i = i - 1;\n    UNTIL i <= 0 END REPEAT;\n"
                    + "    inner_block: BEGIN\n      ITERATE read_loop;\n    END inner_block;\n"
                    + "  END LOOP read_loop;\n"
                    + "  CLOSE cur;\n"
                    + "  IF (SELECT COUNT(*) FROM t) = 0 THEN LEAVE proc; END IF;\n"
                    + "END proc";
            assertEquals(List.of(proc, "CALL walk()"), texts(proc + ";\nCALL walk();"));
        }

        @Test
        void caseExpressionInsideBodyDoesNotCloseIt() {
            String proc = "CREATE PROCEDURE c() BEGIN SELECT CASE WHEN a THEN 1 END; SELECT 2; END";
            assertEquals(List.of(proc, "SELECT 3"), texts(proc + ";\nSELECT 3;"));
            String untilCase = "CREATE PROCEDURE r() BEGIN REPEAT SET @i = @i + 1; UNTIL CASE WHEN @i > 3 THEN 1 ELSE 0 END"
                    + " END REPEAT; END";
            assertEquals(List.of(untilCase), texts(untilCase + ";"));
        }

        @Test
        void ifFunctionAndIfExistsInsideBodyOpenNothing() {
            String proc = "CREATE PROCEDURE d() BEGIN DROP TABLE IF EXISTS tmp; SET @x = IF(1, 2, 3); SELECT REPEAT('x', 3); END";
            assertEquals(List.of(proc, "SELECT 1"), texts(proc + ";\nSELECT 1;"));
        }

        @Test
        void mariadbForLoopAndBeginNotAtomic() {
            String proc = "CREATE PROCEDURE f() BEGIN FOR i IN 1..3 DO INSERT INTO t VALUES (i); END FOR; END";
            assertEquals(List.of(proc), texts(proc + ";"));
            String anonymous = "BEGIN NOT ATOMIC\n  DECLARE x INT DEFAULT 1;\n  IF x THEN SELECT 1; END IF;\nEND";
            assertEquals(List.of(anonymous, "SELECT 2"), texts(anonymous + ";\nSELECT 2;"));
        }

        @Test
        void mariadbCompoundStatementsOutsideRoutines() {
            assertEquals(List.of("IF @a THEN SELECT 1; ELSE SELECT 2; END IF", "SELECT 3"),
                    texts("IF @a THEN SELECT 1; ELSE SELECT 2; END IF;\nSELECT 3;"));
            assertEquals(List.of("lbl: LOOP LEAVE lbl; END LOOP lbl", "SELECT 3"),
                    texts("lbl: LOOP LEAVE lbl; END LOOP lbl; SELECT 3;"));
        }

        @Test
        void plainBeginAndStartTransactionAreStatements() {
            assertEquals(List.of("BEGIN", "INSERT INTO t VALUES (1)", "COMMIT", "START TRANSACTION", "BEGIN WORK", "SELECT 1"),
                    texts("BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nSTART TRANSACTION;\nBEGIN WORK;\nSELECT 1;"));
        }

        @Test
        void userVariablesAndAssignmentsAreNotLabels() {
            assertEquals(List.of("SET @x := 1", "SELECT @x"), texts("SET @x := 1; SELECT @x;"));
            String proc = "CREATE PROCEDURE v() BEGIN SET @end := 1; SELECT @begin; END";
            assertEquals(List.of(proc), texts(proc + ";"));
        }

        @Test
        void otherCreateStatementsArePlain() {
            assertEquals(List.of("CREATE TABLE procedure_log (begin DATE, end DATE, `function` INT)",
                    "CREATE OR REPLACE VIEW v AS SELECT CASE WHEN 1 THEN 2 END AS x", "CREATE INDEX i ON t (a)"),
                    texts("CREATE TABLE procedure_log (begin DATE, end DATE, `function` INT);\n"
                            + "CREATE OR REPLACE VIEW v AS SELECT CASE WHEN 1 THEN 2 END AS x;\nCREATE INDEX i ON t (a);"));
        }

        @Test
        void unterminatedBodyIsAnErrorAtTheInnermostOpenBlock() {
            KeelException e = failing("SELECT 1;\nCREATE PROCEDURE p()\nBEGIN\n  WHILE 1 DO\n    SELECT 1;\n",
                    ErrorCode.UNTERMINATED_BLOCK, 4, 3);
            assertTrue(e.getMessage().contains("WHILE"), e.getMessage());
            failing("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\n", ErrorCode.UNTERMINATED_BLOCK, 2, 1);
        }

        @Test
        void endThatDoesNotMatchItsBlockIsAnError() {
            KeelException e = failing("CREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    SELECT 1;\nEND;\nSELECT 2;",
                    ErrorCode.UNTERMINATED_BLOCK, 3, 3);
            assertTrue(e.getMessage().contains("END IF") || e.getMessage().contains("without IF"), e.getMessage());
            failing("CREATE PROCEDURE p() BEGIN SELECT 1; END IF;", ErrorCode.UNTERMINATED_BLOCK, 1, 22);
            failing("CREATE PROCEDURE p() BEGIN LOOP SELECT 1; END WHILE; END;", ErrorCode.UNTERMINATED_BLOCK, 1, 28);
        }
    }

    @Nested
    class Errors {

        @Test
        void unterminatedStringReportsWhereItOpened() {
            failing("SELECT 1;\nSELECT 'abc;\nSELECT 2;", ErrorCode.UNTERMINATED_QUOTE, 2, 8);
            failing("SELECT \"a\\\";", ErrorCode.UNTERMINATED_QUOTE, 1, 8);
            failing("SELECT 'ends with a backslash\\';", ErrorCode.UNTERMINATED_QUOTE, 1, 8);
        }

        @Test
        void unterminatedBacktick() {
            failing("SELECT 1;\n  CREATE TABLE `t (id INT);", ErrorCode.UNTERMINATED_QUOTE, 2, 16);
        }

        @Test
        void unterminatedComments() {
            failing("SELECT 1;\n/* never closed; SELECT 2;", ErrorCode.UNTERMINATED_COMMENT, 2, 1);
            failing("SELECT 1 /*!40101 never closed", ErrorCode.UNTERMINATED_COMMENT, 1, 10);
        }
    }

    @Nested
    class LineEndings {

        @Test
        void crlfFilesSplitWithTheSameStatementsAndLines() {
            String lf = "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1; -- c\n  SELECT 2; # d\nEND;\n\nSELECT 3;\n";
            String crlf = lf.replace("\n", "\r\n");
            List<SqlStatement> a = split(lf);
            List<SqlStatement> b = split(crlf);
            assertEquals(a.stream().map(SqlStatement::line).toList(), b.stream().map(SqlStatement::line).toList());
            assertEquals(a.stream().map(s -> s.sql()).toList(),
                    b.stream().map(s -> s.sql().replace("\r\n", "\n")).toList());
            assertEquals(List.of(1, 7), b.stream().map(SqlStatement::line).toList());
            assertEquals(a.get(0).shortChecksum(), b.get(0).shortChecksum(), "line endings do not change a checksum");
        }

        @Test
        void delimiterLinesWithCrlf() {
            assertEquals(List.of("SELECT 1; SELECT 2", "SELECT 3"),
                    texts("DELIMITER $$\r\nSELECT 1; SELECT 2$$\r\nDELIMITER ;\r\nSELECT 3;\r\n"));
        }
    }
}
