package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.session.DatabaseSession;
import dev.keel.spi.dialect.SchemaFingerprint;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the MySQL/MariaDB schema fingerprint sees: every kind of DDL change (columns, defaults, indexes, foreign keys,
 * checks, views, routines, triggers, events, sequences, table options) changes it; data changes, counters and
 * statistics do not; two databases given the same DDL have the same one, whatever their names.
 */
class MysqlSchemaFingerprintIT {

    /** A small schema with one object of every kind the fingerprint reads. */
    static final String SCHEMA = """
            CREATE TABLE parent (
              id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              name VARCHAR(50) NOT NULL DEFAULT 'x',
              qty INT NULL CHECK (qty >= 0),
              KEY parent_name_ix (name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='the parent';
            CREATE TABLE child (
              id INT NOT NULL PRIMARY KEY,
              parent_id INT NOT NULL,
              CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            CREATE VIEW parent_names AS SELECT p.id, p.name FROM parent p WHERE p.qty > 0;
            CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;
            CREATE PROCEDURE touch(IN p INT)
            BEGIN
              UPDATE parent SET qty = qty + 1 WHERE id = p;
              SELECT twice(p);
            END;
            CREATE TRIGGER parent_bi BEFORE INSERT ON parent FOR EACH ROW
            BEGIN
              IF NEW.qty IS NULL THEN SET NEW.qty = 0; END IF;
            END;
            CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM child WHERE id < 0;
            CREATE SEQUENCE seq START WITH 10 INCREMENT BY 5;
            """;

    private TestDatabase database;
    private JdbcProbe probe;

    @BeforeEach
    void setUp() {
        database = DatabaseProvisioning.mysql();
        probe = new JdbcProbe(database);
        apply(probe, SCHEMA);
    }

    @AfterEach
    void tearDown() {
        probe.close();
        database.close();
    }

    static Stream<Arguments> ddlChanges() {
        return Stream.of(
                Arguments.of("add a column", "ALTER TABLE parent ADD COLUMN extra INT"),
                Arguments.of("change a column type", "ALTER TABLE parent MODIFY name VARCHAR(60) NOT NULL DEFAULT 'x'"),
                Arguments.of("change nullability", "ALTER TABLE parent MODIFY name VARCHAR(50) NULL DEFAULT 'x'"),
                Arguments.of("change a default", "ALTER TABLE parent ALTER COLUMN name SET DEFAULT 'y'"),
                Arguments.of("move a column", "ALTER TABLE parent MODIFY qty INT NULL AFTER id"),
                Arguments.of("add an index", "CREATE INDEX parent_qty_ix ON parent (qty)"),
                Arguments.of("make an index unique", "ALTER TABLE parent DROP INDEX parent_name_ix, ADD UNIQUE INDEX parent_name_ix (name)"),
                Arguments.of("drop a foreign key", "ALTER TABLE child DROP FOREIGN KEY child_parent_fk"),
                Arguments.of("change a foreign key rule", "ALTER TABLE child DROP FOREIGN KEY child_parent_fk;"
                        + " ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE RESTRICT"),
                Arguments.of("add a check", "ALTER TABLE child ADD CONSTRAINT child_id_chk CHECK (id > 0)"),
                Arguments.of("change a view", "CREATE OR REPLACE VIEW parent_names AS SELECT p.id, p.name FROM parent p"),
                Arguments.of("change a function", "CREATE OR REPLACE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x + x"),
                Arguments.of("change a procedure's parameters", "CREATE OR REPLACE PROCEDURE touch(IN p BIGINT) SELECT p"),
                Arguments.of("drop a trigger", "DROP TRIGGER parent_bi"),
                Arguments.of("change an event's body", "ALTER EVENT nightly DO DELETE FROM child WHERE id < -1"),
                Arguments.of("change an event's interval", "ALTER EVENT nightly ON SCHEDULE EVERY 2 DAY"),
                Arguments.of("change a sequence", "ALTER SEQUENCE seq INCREMENT BY 1"),
                Arguments.of("change a table comment", "ALTER TABLE parent COMMENT = 'renamed'"),
                Arguments.of("change a table's engine options", "ALTER TABLE child ROW_FORMAT=COMPRESSED"),
                Arguments.of("rename a table", "RENAME TABLE child TO kid"),
                Arguments.of("add a table", "CREATE TABLE other (id INT)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ddlChanges")
    void everyDdlChangeChangesTheFingerprint(String what, String ddl) {
        SchemaFingerprint before = probe.fingerprint();
        apply(probe, ddl);
        SchemaFingerprint after = probe.fingerprint();
        assertNotEquals(before.hash(), after.hash(), () -> what + " (" + ddl + ") left the fingerprint unchanged:\n"
                + after.canonicalText());
    }

    @Test
    void dataCountersAndStatisticsDoNotChangeIt() {
        SchemaFingerprint before = probe.fingerprint();
        probe.execute("INSERT INTO parent (name, qty) VALUES ('a', 1), ('b', 2), ('c', NULL)");
        probe.execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
        probe.execute("DELETE FROM parent WHERE name = 'c'");
        probe.execute("SELECT NEXTVAL(seq)");
        probe.execute("ANALYZE TABLE parent, child");
        probe.execute("CALL touch(1)");
        probe.execute("OPTIMIZE TABLE child");
        SchemaFingerprint after = probe.fingerprint();
        assertEquals(before.canonicalText(), after.canonicalText());
    }

    @Test
    void twoDatabasesWithTheSameDdlMatchAndTheDatabaseNameIsLeftOut() {
        try (TestDatabase other = DatabaseProvisioning.mysql(); JdbcProbe otherProbe = new JdbcProbe(other)) {
            apply(otherProbe, SCHEMA);
            SchemaFingerprint a = probe.fingerprint();
            SchemaFingerprint b = otherProbe.fingerprint();
            assertEquals(a.canonicalText(), b.canonicalText());
            String name = probe.query("SELECT DATABASE() AS db").get(0).text("db").orElseThrow();
            assertFalse(a.canonicalText().contains(name), a::canonicalText);
            assertTrue(a.canonicalText().contains("view parent_names definition=select `p`.`id` AS `id`"),
                    a::canonicalText);
        }
    }

    @Test
    void theHistoryTableAndItsIndexesAreLeftOutEvenWhenQualified() {
        SchemaFingerprint before = probe.fingerprint();
        String name = probe.query("SELECT DATABASE() AS db").get(0).text("db").orElseThrow();
        try (DatabaseSession session = probe.open()) {
            var history = probe.dialect().history(session, name + ".keel_schema_history");
            history.ensureExists();
            session.execute("CREATE INDEX keel_history_status_ix ON keel_schema_history (status)");
            assertEquals(before.canonicalText(),
                    probe.dialect().fingerprint(session, name + ".keel_schema_history").canonicalText());
            assertEquals(before.canonicalText(), probe.dialect().fingerprint(session, "keel_schema_history").canonicalText());
        }
    }

    /** Splits a script with the dialect's splitter and runs it, as the engine would. */
    static void apply(JdbcProbe probe, String script) {
        List<SqlStatement> statements = new MysqlStatementSplitter().split(script, "schema.sql", 1);
        try (DatabaseSession session = probe.open()) {
            for (SqlStatement s : statements) {
                session.execute(s.sql());
            }
        }
    }
}
