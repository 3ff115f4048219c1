package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.spi.KeelException;
import dev.keel.spi.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random scripts (seeded, so a failure can be replayed): statements from a pool of hard cases joined in any order,
 * with comments, blank lines and CRLF between them, split back into exactly those statements; and random noise
 * never makes the splitter hang or throw anything but a {@link KeelException} with a place.
 */
class MysqlStatementSplitterFuzzTest {

    private static final List<String> POOL = List.of(
            "SELECT 1",
            "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s', 'back\\\\slash\\'q', `x;y`)",
            "SELECT 5--1 FROM dual",
            "SELECT a /* ; */ FROM t # trailing ; not\n WHERE b = ';'",
            "/*!40101 SET NAMES utf8mb4 */",
            "CREATE TABLE t (begin DATE, end DATE, `delimiter` INT) /*!50100 ENGINE=InnoDB */",
            "CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; ELSE SELECT 2; END IF; END",
            "CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC BEGIN RETURN CASE WHEN x > 0 THEN x ELSE 0 END; END",
            "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.end = NEW.begin; SET @x = IF(1, 2, 3); END",
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM a; lbl: LOOP LEAVE lbl; END LOOP lbl; END",
            "CREATE DEFINER=`a`@`%` PROCEDURE q(IN n INT) proc: BEGIN DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN END;"
                    + " WHILE n > 0 DO SET n = n - 1; END WHILE; REPEAT SET n = n + 1; UNTIL n > 3 END REPEAT; END proc",
            "CREATE TRIGGER tr2 AFTER UPDATE ON t FOR EACH ROW SET @y = REPEAT('a', 3)",
            "BEGIN",
            "COMMIT",
            "BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; END",
            "SELECT '🚀;' AS rocket");

    private final MysqlStatementSplitter splitter = new MysqlStatementSplitter();

    @Test
    void joinedStatementsSplitBackExactly() {
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            int count = 1 + random.nextInt(8);
            List<String> chosen = new ArrayList<>();
            StringBuilder script = new StringBuilder(separator(random));
            for (int i = 0; i < count; i++) {
                String statement = POOL.get(random.nextInt(POOL.size()));
                chosen.add(statement);
                script.append(statement).append(random.nextBoolean() ? ";" : " ;").append(separator(random));
            }
            String text = random.nextInt(5) == 0 ? script.toString().replace("\n", "\r\n") : script.toString();
            List<String> got;
            try {
                got = splitter.split(text, "fuzz.sql", 1).stream().map(SqlStatement::sql).map(s -> s.replace("\r\n", "\n"))
                        .toList();
            } catch (KeelException e) {
                fail("round " + round + ": " + e.getMessage() + "\n" + text);
                return;
            }
            assertEquals(chosen, got, "round " + round + ":\n" + text);
        }
    }

    @Test
    void randomNoiseNeverHangsOrThrowsAnythingElse() {
        Random random = new Random(7);
        String alphabet = "abBEGINendIFCASE;;'\"`#-- /*!*/$\\\n\r\t ()=:@.,DELIMITER $$ END IF END LOOP WHILE DO REPEAT";
        for (int round = 0; round < 20000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                List<SqlStatement> statements = splitter.split(text.toString(), "noise.sql", 1);
                int previous = 0;
                for (SqlStatement s : statements) {
                    assertFalse(s.sql().isBlank(), "round " + round);
                    assertEquals(s.sql().strip(), s.sql(), "round " + round);
                    assertTrue(s.line() >= previous, "round " + round);
                    previous = s.line();
                }
            } catch (KeelException e) {
                assertTrue(e.problems().get(0).where().isPresent(), () -> "an error names its place: " + e.getMessage());
            }
        }
    }

    private static String separator(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "\n";
            case 1 -> "\n\n-- a comment; with a semicolon\n";
            case 2 -> " # hash; comment\n";
            case 3 -> "\n/* block;\n comment */ ";
            case 4 -> "\n--\n";
            default -> " ";
        };
    }
}
