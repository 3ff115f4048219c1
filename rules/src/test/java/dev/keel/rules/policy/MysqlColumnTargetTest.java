package dev.keel.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.TableModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The type mapping of the type-normalisation pack and the MODIFY statements it writes. */
class MysqlColumnTargetTest {

    private static final TableModel T = new TableModel("t", Optional.empty(), List.of(), List.of(), List.of(), List.of());

    static ColumnModel column(String name, String dataType, String columnType) {
        return new ColumnModel(name, dataType, columnType, true, Optional.empty(), Optional.empty(), Optional.empty(), "",
                "");
    }

    static ColumnModel text(String name, String dataType, String columnType, String charset, String collation) {
        return new ColumnModel(name, dataType, columnType, true, Optional.empty(), Optional.of(charset),
                Optional.of(collation), "", "");
    }

    @ParameterizedTest(name = "{1} becomes {2}")
    @CsvSource({
            "int, int(11), bigint",
            "int, int(10) unsigned, bigint",
            "int, int, bigint",
            "smallint, smallint(6), bigint",
            "mediumint, mediumint(9), bigint",
            "tinyint, tinyint(4), bigint",
            "tinyint, tinyint, bigint",
            "tinyint, tinyint(1), tinyint(1)",
            "bigint, bigint(20) unsigned, bigint",
            "bigint, bigint(20), bigint(20)",
            "bigint, bigint, bigint",
            "tinytext, tinytext, longtext",
            "text, text, longtext",
            "mediumtext, mediumtext, longtext",
            "longtext, longtext, longtext",
            "float, float, double",
            "float, float(7;3), double",
            "double, double, double",
            "decimal, decimal(10;2), decimal(10;2)",
            "datetime, datetime, datetime(3)",
            "datetime, datetime(1), datetime(3)",
            "datetime, datetime(3), datetime(3)",
            "datetime, datetime(6), datetime(6)",
            "timestamp, timestamp, timestamp(3)",
            "date, date, date",
            "varchar, varchar(50), varchar(50)"})
    void typeMapping(String dataType, String columnType, String expected) {
        assertEquals(expected.replace(';', ','), MysqlColumnTarget.type(column("c", dataType, columnType.replace(';', ','))));
    }

    @Test
    void aTinyintOneIsABooleanAndStays() {
        ColumnModel flag = column("active", "tinyint", "tinyint(1)");
        assertTrue(MysqlColumnTarget.isBoolean(flag));
        assertFalse(MysqlColumnTarget.changes(flag));
    }

    @Test
    void modifyKeepsNullabilityDefaultAutoIncrementAndComment() {
        ColumnModel id = new ColumnModel("id", "int", "int(11)", false, Optional.empty(), Optional.empty(),
                Optional.empty(), "auto_increment", "the user's id");
        assertEquals("ALTER TABLE `t` MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT 'the user''s id'",
                MysqlColumnTarget.modify(T, id));
        ColumnModel score = new ColumnModel("score", "float", "float", true, Optional.of("1.5"), Optional.empty(),
                Optional.empty(), "", "");
        assertEquals("ALTER TABLE `t` MODIFY COLUMN `score` DOUBLE NULL DEFAULT 1.5", MysqlColumnTarget.modify(T, score));
    }

    @Test
    void textColumnsGetUtf8mb4AndABinaryCollationStaysBinary() {
        assertTrue(MysqlColumnTarget.notUtf8mb4(text("n", "varchar", "varchar(50)", "latin1", "latin1_swedish_ci")));
        assertEquals("`n` VARCHAR(50) CHARACTER SET utf8mb4 NULL",
                MysqlColumnTarget.definition(text("n", "varchar", "varchar(50)", "latin1", "latin1_swedish_ci")));
        assertEquals("`n` VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL",
                MysqlColumnTarget.definition(text("n", "varchar", "varchar(50)", "utf8mb3", "utf8mb3_bin")));
        // already utf8mb4: its collation is kept, and only the type changes
        assertEquals("`b` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL",
                MysqlColumnTarget.definition(text("b", "text", "text", "utf8mb4", "utf8mb4_unicode_ci")));
        assertFalse(MysqlColumnTarget.notUtf8mb4(text("n", "varchar", "varchar(5)", "utf8mb4", "utf8mb4_general_ci")));
    }

    @Test
    void aCurrentTimestampDefaultAndOnUpdateFollowThePrecision() {
        ColumnModel mariadb = new ColumnModel("ts", "timestamp", "timestamp", false, Optional.of("current_timestamp()"),
                Optional.empty(), Optional.empty(), "on update current_timestamp()", "");
        assertEquals("`ts` TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)",
                MysqlColumnTarget.definition(mariadb));
        ColumnModel mysql = new ColumnModel("ts", "datetime", "datetime", true, Optional.of("CURRENT_TIMESTAMP"),
                Optional.empty(), Optional.empty(), "", "");
        assertEquals("`ts` DATETIME(3) NULL DEFAULT CURRENT_TIMESTAMP(3)", MysqlColumnTarget.definition(mysql));
    }

    @Test
    void createdAtAndUpdatedAtWithoutADefaultGetOne() {
        ColumnModel created = new ColumnModel("created_at", "datetime", "datetime(3)", false, Optional.empty(),
                Optional.empty(), Optional.empty(), "", "");
        assertTrue(MysqlColumnTarget.changes(created));
        assertEquals("`created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)", MysqlColumnTarget.definition(created));
        ColumnModel updated = new ColumnModel("updated_at", "datetime", "datetime(6)", false, Optional.empty(),
                Optional.empty(), Optional.empty(), "", "");
        assertEquals("`updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)",
                MysqlColumnTarget.definition(updated));
    }

    @Test
    void namesAreQuoted() {
        assertEquals("`we``ird`", MysqlColumnTarget.quote("we`ird"));
    }

    @Test
    void indexNamesFitMysqlsLimit() {
        assertEquals("orders_created_at_idx", TimestampColumnsPolicy.indexName("orders", "created_at"));
        String name = TimestampColumnsPolicy.indexName("t".repeat(64), "updated_at");
        assertEquals(64, name.length());
        assertTrue(name.endsWith("_updated_at_idx"));
    }
}
