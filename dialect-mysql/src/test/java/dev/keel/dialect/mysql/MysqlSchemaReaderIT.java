package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.ForeignKeyModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import dev.keel.spi.session.DatabaseSession;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema model read from a live MariaDB/MySQL: base tables only, columns in order with type, nullability, a
 * default usable in DDL, character set, extra and comment; primary key, indexes and foreign keys; no history table.
 */
class MysqlSchemaReaderIT {

    private static final String SCHEMA = """
            CREATE TABLE parent (
              id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              name VARCHAR(50) CHARACTER SET latin1 NOT NULL DEFAULT 'it''s' COMMENT 'the name',
              qty INT NULL,
              ratio FLOAT DEFAULT 0.5,
              seen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
              doubled INT AS (qty * 2) VIRTUAL,
              KEY parent_name_ix (name, qty)
            ) DEFAULT CHARSET=utf8mb4;
            CREATE TABLE child (
              id BIGINT NOT NULL PRIMARY KEY,
              parent_id INT NOT NULL,
              CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)
            );
            CREATE VIEW parent_names AS SELECT name FROM parent;
            CREATE TABLE keel_schema_history (installed_rank INT PRIMARY KEY);
            """;

    private TestDatabase database;
    private JdbcProbe probe;

    @BeforeEach
    void setUp() {
        database = DatabaseProvisioning.mysql();
        probe = new JdbcProbe(database);
        MysqlSchemaFingerprintIT.apply(probe, SCHEMA);
    }

    @AfterEach
    void tearDown() {
        probe.close();
        database.close();
    }

    private SchemaModel read() {
        try (DatabaseSession session = probe.open()) {
            return probe.dialect().schema(session, "keel_schema_history").orElseThrow();
        }
    }

    @Test
    void readsBaseTablesWithoutViewsOrTheHistoryTable() {
        SchemaModel model = read();
        assertEquals("mysql", model.dialect());
        assertEquals(List.of("child", "parent"), model.tables().stream().map(TableModel::name).toList());
    }

    @Test
    void readsColumnsInOrderWithDefaultsUsableInDdl() {
        TableModel parent = read().table("parent").orElseThrow();
        assertEquals(List.of("id", "name", "qty", "ratio", "seen", "doubled"),
                parent.columns().stream().map(ColumnModel::name).toList());
        ColumnModel id = parent.column("id").orElseThrow();
        assertEquals("int", id.dataType());
        assertTrue(id.columnType().startsWith("int"), id.columnType());
        assertFalse(id.nullable());
        assertEquals("auto_increment", id.extra());
        ColumnModel name = parent.column("name").orElseThrow();
        assertEquals(Optional.of("latin1"), name.charset());
        assertEquals(Optional.of("'it''s'"), name.defaultValue().map(d -> d.replace("\\'", "''")));
        assertEquals("the name", name.comment());
        assertEquals(Optional.empty(), parent.column("qty").orElseThrow().defaultValue(), "a NULL default is none");
        assertEquals(Optional.of("0.5"), parent.column("ratio").orElseThrow().defaultValue());
        ColumnModel seen = parent.column("seen").orElseThrow();
        assertTrue(seen.defaultValue().orElseThrow().toLowerCase().startsWith("current_timestamp"), seen.toString());
        assertTrue(seen.extra().startsWith("on update current_timestamp"), seen.extra());
        assertTrue(parent.column("doubled").orElseThrow().generated());
    }

    @Test
    void readsKeysAndIndexes() {
        SchemaModel model = read();
        TableModel parent = model.table("parent").orElseThrow();
        assertEquals(List.of("id"), parent.primaryKey());
        assertEquals(List.of("name", "qty"), parent.indexes().stream().filter(i -> i.name().equals("parent_name_ix"))
                .findFirst().orElseThrow().columns());
        assertTrue(parent.indexLeadsWith("name"));
        assertFalse(parent.indexLeadsWith("qty"));
        TableModel child = model.table("child").orElseThrow();
        assertEquals(List.of(new ForeignKeyModel("child_parent_fk", List.of("parent_id"), "parent", List.of("id"))),
                child.foreignKeys());
        assertTrue(child.inForeignKey("parent_id"));
    }
}
