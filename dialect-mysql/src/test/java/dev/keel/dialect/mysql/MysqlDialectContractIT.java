package dev.keel.dialect.mysql;

import dev.keel.spi.dialect.DialectProvider;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.DialectContractTest;
import dev.keel.testkit.TestDatabase;
import java.util.Optional;

/** The dialect contract on a fresh database of the local MariaDB (or KEEL_TEST_MYSQL_URL). */
class MysqlDialectContractIT extends DialectContractTest {

    @Override
    protected DialectProvider provider() {
        return new MysqlDialectProvider();
    }

    @Override
    protected TestDatabase provisionDatabase() {
        return DatabaseProvisioning.mysql();
    }

    @Override
    protected String scriptWithThreeStatements() {
        return """
                -- V1: three statements; the quotes and comments below hold ; -- # and /* on purpose
                CREATE TABLE `split;table` (
                    id INT NOT NULL PRIMARY KEY,
                    note VARCHAR(100) DEFAULT 'it''s; -- not a comment # nor /* this */',
                    other VARCHAR(20) DEFAULT "a\\";b"
                );
                # a hash comment; with a semicolon
                CREATE TRIGGER split_audit BEFORE INSERT ON `split;table` FOR EACH ROW
                BEGIN
                    IF NEW.note IS NULL THEN
                        SET NEW.note = 'a;b';
                    END IF;
                    SET NEW.other = CASE WHEN NEW.id > 0 THEN 'pos;' ELSE 'neg' END;
                END;
                DELIMITER $$
                INSERT INTO `split;table` (id) VALUES (1) /* ; */ $$
                DELIMITER ;
                """;
    }

    /** MySQL has none: DDL commits implicitly inside or outside a transaction. */
    @Override
    protected Optional<String> statementThatCannotRunInTransaction(String table) {
        return Optional.empty();
    }
}
