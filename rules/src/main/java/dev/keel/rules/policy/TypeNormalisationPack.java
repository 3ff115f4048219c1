package dev.keel.rules.policy;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.SchemaPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The opt-in {@code type-normalisation} pack (RULES.md, policy packs): MySQL/MariaDB column types normalised after
 * migrating, each policy with the fix Keel applies where {@code rules.fix} names the pack.
 */
public final class TypeNormalisationPack {

    /** The pack's name in {@code rules.packs} and {@code rules.fix}. */
    public static final String NAME = "type-normalisation";

    private TypeNormalisationPack() {
    }

    /** The pack's policies, in catalogue order. */
    public static List<SchemaPolicy> policies() {
        return List.of(
                new ColumnTypePolicy("mysql-int-bigint",
                        "Integer columns are BIGINT (TINYINT(1) stays, as a boolean).", Risk.MEDIUM,
                        c -> MysqlColumnTarget.SMALL_INTEGERS.contains(c.dataType()) && !MysqlColumnTarget.isBoolean(c)
                                ? Optional.of("is " + c.columnType() + "; integer columns are BIGINT, so ids and counters"
                                        + " never run out")
                                : Optional.empty()),
                new ColumnTypePolicy("mysql-bigint-unsigned",
                        "BIGINT columns are signed (BIGINT UNSIGNED becomes BIGINT).", Risk.HIGH,
                        c -> c.dataType().equals("bigint") && c.columnType().contains("unsigned")
                                ? Optional.of("is " + c.columnType() + "; BIGINT columns are signed, as other languages'"
                                        + " 64-bit integers are (the fix fails on values above 9223372036854775807)")
                                : Optional.empty()),
                new ColumnTypePolicy("mysql-text-longtext",
                        "TINYTEXT, TEXT and MEDIUMTEXT columns are LONGTEXT.", Risk.MEDIUM,
                        c -> MysqlColumnTarget.SHORT_TEXTS.contains(c.dataType())
                                ? Optional.of("is " + c.columnType() + ", which silently limits its length; text columns"
                                        + " are LONGTEXT")
                                : Optional.empty()),
                new ColumnTypePolicy("mysql-float-double",
                        "FLOAT columns are DOUBLE.", Risk.MEDIUM,
                        c -> c.dataType().equals("float")
                                ? Optional.of("is " + c.columnType() + ", single precision (about 7 digits); floating-point"
                                        + " columns are DOUBLE")
                                : Optional.empty()),
                new ColumnTypePolicy("mysql-utf8mb4",
                        "Text columns use character set utf8mb4.", Risk.MEDIUM,
                        c -> MysqlColumnTarget.notUtf8mb4(c)
                                ? Optional.of("uses character set " + c.charset().orElse("?") + ", which cannot hold every"
                                        + " character (emoji, many scripts); text columns are utf8mb4")
                                : Optional.empty()),
                new ColumnTypePolicy("mysql-datetime-precision",
                        "DATETIME and TIMESTAMP columns have millisecond precision (3).", Risk.MEDIUM,
                        c -> MysqlColumnTarget.TEMPORAL.contains(c.dataType())
                                        && MysqlColumnTarget.precision(c) < MysqlColumnTarget.PRECISION
                                ? Optional.of("is " + c.columnType() + ", whole seconds; date-time columns have precision "
                                        + MysqlColumnTarget.PRECISION + " (milliseconds)")
                                : Optional.empty()),
                new TimestampColumnsPolicy());
    }
}
