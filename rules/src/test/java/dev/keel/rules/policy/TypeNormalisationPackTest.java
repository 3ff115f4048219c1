package dev.keel.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.ForeignKeyModel;
import dev.keel.spi.schema.IndexModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pack's policies on schema models: which finding each column gets, and when there is no automatic fix. */
class TypeNormalisationPackTest {

    private static final ColumnModel CREATED = new ColumnModel("created_at", "datetime", "datetime(3)", false,
            Optional.of("current_timestamp(3)"), Optional.empty(), Optional.empty(), "", "");
    private static final ColumnModel UPDATED = new ColumnModel("updated_at", "datetime", "datetime(3)", false,
            Optional.of("current_timestamp(3)"), Optional.empty(), Optional.empty(), "on update current_timestamp(3)", "");
    private static final List<IndexModel> TIME_INDEXES = List.of(
            new IndexModel("c", List.of("created_at"), false), new IndexModel("u", List.of("updated_at"), false));

    private static List<PolicyFinding> check(SchemaModel schema) {
        List<PolicyFinding> findings = new ArrayList<>();
        for (SchemaPolicy policy : TypeNormalisationPack.policies()) {
            assertEquals(Optional.of("type-normalisation"), policy.pack());
            assertEquals(List.of("mysql"), policy.dialects());
            findings.addAll(policy.check(schema));
        }
        return findings;
    }

    private static TableModel table(String name, List<ColumnModel> columns, List<ForeignKeyModel> keys) {
        List<ColumnModel> all = new ArrayList<>(columns);
        all.add(CREATED);
        all.add(UPDATED);
        return new TableModel(name, Optional.empty(), all, List.of(), TIME_INDEXES, keys);
    }

    @Test
    void aNormalisedTableHasNoFinding() {
        ColumnModel id = new ColumnModel("id", "bigint", "bigint(20)", false, Optional.empty(), Optional.empty(),
                Optional.empty(), "auto_increment", "");
        ColumnModel name = MysqlColumnTargetTest.text("name", "varchar", "varchar(50)", "utf8mb4", "utf8mb4_general_ci");
        ColumnModel flag = MysqlColumnTargetTest.column("active", "tinyint", "tinyint(1)");
        assertEquals(List.of(), check(new SchemaModel("mysql", "MariaDB",
                List.of(table("users", List.of(id, name, flag), List.of())))));
    }

    @Test
    void eachColumnGetsItsPolicysFindingWithTheNormalisingModify() {
        SchemaModel schema = new SchemaModel("mysql", "MariaDB", List.of(table("t", List.of(
                MysqlColumnTargetTest.column("a", "int", "int(11)"),
                MysqlColumnTargetTest.column("b", "bigint", "bigint(20) unsigned"),
                MysqlColumnTargetTest.text("c", "text", "text", "latin1", "latin1_swedish_ci"),
                MysqlColumnTargetTest.column("d", "float", "float"),
                MysqlColumnTargetTest.column("e", "datetime", "datetime")), List.of())));
        List<PolicyFinding> findings = check(schema);
        Set<String> seen = new HashSet<>();
        findings.forEach(f -> seen.add(f.finding().ruleId() + " " + f.column().orElse("")));
        assertEquals(Set.of("mysql-int-bigint a", "mysql-bigint-unsigned b", "mysql-text-longtext c", "mysql-utf8mb4 c",
                "mysql-float-double d", "mysql-datetime-precision e"), seen);
        PolicyFinding c = findings.stream().filter(f -> f.column().equals(Optional.of("c"))).findFirst().orElseThrow();
        assertEquals(List.of("ALTER TABLE `t` MODIFY COLUMN `c` LONGTEXT CHARACTER SET utf8mb4 NULL"), c.fix());
        assertEquals("t.c", c.finding().location().file());
        // both findings on c carry the one statement that fixes both
        assertEquals(1, findings.stream().filter(f -> f.column().equals(Optional.of("c"))).map(PolicyFinding::fix)
                .distinct().count());
    }

    @Test
    void columnsOfAForeignKeyAndGeneratedColumnsHaveNoAutomaticFix() {
        ColumnModel parentId = MysqlColumnTargetTest.column("id", "int", "int(11)");
        ColumnModel childRef = MysqlColumnTargetTest.column("parent_id", "int", "int(11)");
        ColumnModel generated = new ColumnModel("g", "int", "int(11)", true, Optional.empty(), Optional.empty(),
                Optional.empty(), "virtual generated", "");
        TableModel parent = table("parent", List.of(parentId, generated), List.of());
        TableModel child = table("child", List.of(childRef),
                List.of(new ForeignKeyModel("fk", List.of("parent_id"), "parent", List.of("id"))));
        List<PolicyFinding> findings = check(new SchemaModel("mysql", "MySQL", List.of(child, parent)));
        assertEquals(3, findings.size());
        findings.forEach(f -> assertTrue(f.fix().isEmpty(), f.toString()));
        findings.forEach(f -> assertTrue(f.finding().remediation().startsWith("No automatic fix"), f.toString()));
    }

    @Test
    void missingTimestampColumnsAreAddedWithTheirIndexesAndUnindexedOnesIndexed() {
        ColumnModel created = new ColumnModel("created_at", "datetime", "datetime(3)", false, Optional.empty(),
                Optional.empty(), Optional.empty(), "", "");
        TableModel bare = new TableModel("plain", Optional.empty(), List.of(created), List.of(), List.of(), List.of());
        List<PolicyFinding> findings = new TimestampColumnsPolicy().check(new SchemaModel("mysql", "MariaDB", List.of(bare)));
        assertEquals(List.of(
                List.of("ALTER TABLE `plain` MODIFY COLUMN `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"),
                List.of("ALTER TABLE `plain` ADD INDEX `plain_created_at_idx` (`created_at`)"),
                List.of("ALTER TABLE `plain` ADD COLUMN `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                        + " ON UPDATE CURRENT_TIMESTAMP(3), ADD INDEX `plain_updated_at_idx` (`updated_at`)")),
                findings.stream().map(PolicyFinding::fix).toList());
    }

    @Test
    void aTimestampColumnThatIsNoDateTimeIsReportedWithoutAFix() {
        ColumnModel epoch = MysqlColumnTargetTest.column("created_at", "bigint", "bigint(20)");
        TableModel t = new TableModel("t", Optional.empty(), List.of(epoch, UPDATED), List.of(), TIME_INDEXES, List.of());
        List<PolicyFinding> findings = new TimestampColumnsPolicy().check(new SchemaModel("mysql", "MariaDB", List.of(t)));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).fix().isEmpty());
    }
}
