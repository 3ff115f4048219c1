package dev.keel.rules.policy;

import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The definition a MySQL/MariaDB column has once the {@code type-normalisation} pack is satisfied, and the
 * {@code ALTER TABLE … MODIFY COLUMN} that gives it. One statement writes the whole normalised definition, because
 * MySQL has no way to change only a column's type or only its character set: a {@code MODIFY} that names the type
 * alone would reset the character set, default and comment. So every finding on one column carries the same fix.
 *
 * <p>The normalisation: integer types below {@code BIGINT} become {@code BIGINT} ({@code TINYINT(1)}, a boolean,
 * stays); {@code BIGINT UNSIGNED} becomes {@code BIGINT}; {@code TINYTEXT}, {@code TEXT} and {@code MEDIUMTEXT} become
 * {@code LONGTEXT}; {@code FLOAT} becomes {@code DOUBLE}; text columns get character set {@code utf8mb4};
 * {@code DATETIME} and {@code TIMESTAMP} below millisecond precision get precision 3 (their
 * {@code CURRENT_TIMESTAMP} default and {@code ON UPDATE} follow); {@code created_at} and {@code updated_at} get a
 * {@code CURRENT_TIMESTAMP} default ({@code updated_at} also {@code ON UPDATE}). Nullability, default, auto-increment
 * and comment are kept.
 */
final class MysqlColumnTarget {

    /** The integer types that become BIGINT. */
    static final Set<String> SMALL_INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer");
    /** The text types that become LONGTEXT. */
    static final Set<String> SHORT_TEXTS = Set.of("tinytext", "text", "mediumtext");
    /** The types whose values have a character set. */
    static final Set<String> CHARACTER_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");
    /** The date-time types whose precision is normalised. */
    static final Set<String> TEMPORAL = Set.of("datetime", "timestamp");
    /** The precision of normalised date-time columns (milliseconds). */
    static final int PRECISION = 3;
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";

    private static final Pattern PRECISION_OF = Pattern.compile("\\((\\d+)\\)");
    private static final Pattern NOW = Pattern.compile("(?i)(current_timestamp|now)(\\(\\d*\\))?");

    private MysqlColumnTarget() {
    }

    /** Whether the column is a boolean spelt the MySQL way. */
    static boolean isBoolean(ColumnModel column) {
        return column.dataType().equals("tinyint") && column.columnType().startsWith("tinyint(1)");
    }

    /** The normalised type, e.g. {@code bigint} for {@code int(11) unsigned}; the column's own type when it is fine. */
    static String type(ColumnModel column) {
        String data = column.dataType();
        if (SMALL_INTEGERS.contains(data) && !isBoolean(column)) {
            return "bigint";
        }
        if (data.equals("bigint") && column.columnType().contains("unsigned")) {
            return "bigint";
        }
        if (SHORT_TEXTS.contains(data)) {
            return "longtext";
        }
        if (data.equals("float")) {
            return "double";
        }
        if (TEMPORAL.contains(data) && precision(column) < PRECISION) {
            return data + "(" + PRECISION + ")";
        }
        return column.columnType();
    }

    /** The fractional-second precision of a date-time column (0 when it has none). */
    static int precision(ColumnModel column) {
        Matcher m = PRECISION_OF.matcher(column.columnType());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether the column holds text in a character set other than utf8mb4. */
    static boolean notUtf8mb4(ColumnModel column) {
        return CHARACTER_TYPES.contains(column.dataType())
                && column.charset().map(c -> !c.equalsIgnoreCase("utf8mb4")).orElse(false);
    }

    /** Whether the column is {@code created_at}/{@code updated_at} of a date-time type without a default. */
    static boolean timestampWithoutDefault(ColumnModel column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        return (name.equals(CREATED_AT) || name.equals(UPDATED_AT)) && TEMPORAL.contains(column.dataType())
                && column.defaultValue().isEmpty();
    }

    /**
     * Why the column cannot be fixed by a {@code MODIFY}, if it cannot: a generated column, or one in a foreign key
     * (MySQL refuses to change the type of either end of a foreign key).
     */
    static Optional<String> unfixable(SchemaModel schema, TableModel table, ColumnModel column) {
        if (column.generated()) {
            return Optional.of("it is a generated column; change its expression's type by hand");
        }
        boolean referenced = schema.tables().stream().flatMap(t -> t.foreignKeys().stream())
                .anyMatch(k -> k.referencedTable().equalsIgnoreCase(table.name())
                        && k.referencedColumns().stream().anyMatch(c -> c.equalsIgnoreCase(column.name())));
        if (referenced || table.inForeignKey(column.name())) {
            return Optional.of("it takes part in a foreign key, whose two ends MySQL changes only together: drop the"
                    + " foreign key, change both columns, and add it again in a migration");
        }
        return Optional.empty();
    }

    /** {@code ALTER TABLE t MODIFY COLUMN …} giving the column its normalised definition. */
    static String modify(TableModel table, ColumnModel column) {
        return "ALTER TABLE " + quote(table.name()) + " MODIFY COLUMN " + definition(column);
    }

    /** The column's normalised definition, as written after {@code MODIFY COLUMN}. */
    static String definition(ColumnModel column) {
        String type = type(column);
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type.toUpperCase(Locale.ROOT));
        if (CHARACTER_TYPES.contains(column.dataType())) {
            boolean convert = notUtf8mb4(column);
            String charset = convert ? "utf8mb4" : column.charset().orElse("utf8mb4");
            Optional<String> collation = convert
                    ? column.collation().filter(c -> c.toLowerCase(Locale.ROOT).endsWith("_bin")).map(c -> "utf8mb4_bin")
                    : column.collation();
            sql.append(" CHARACTER SET ").append(charset);
            collation.ifPresent(c -> sql.append(" COLLATE ").append(c));
        }
        sql.append(column.nullable() ? " NULL" : " NOT NULL");
        int precision = TEMPORAL.contains(column.dataType()) ? Math.max(precision(column), PRECISION) : 0;
        Optional<String> defaultValue = column.defaultValue().map(d -> NOW.matcher(d).matches() ? now(precision) : d);
        String name = column.name().toLowerCase(Locale.ROOT);
        boolean timestamp = timestampWithoutDefault(column);
        if (timestamp) {
            defaultValue = Optional.of(now(precision));
        }
        defaultValue.ifPresent(d -> sql.append(" DEFAULT ").append(d));
        String extra = column.extra();
        if (extra.contains("auto_increment")) {
            sql.append(" AUTO_INCREMENT");
        }
        if (extra.contains("on update") || (timestamp && name.equals(UPDATED_AT))) {
            sql.append(" ON UPDATE ").append(now(precision));
        }
        if (extra.contains("invisible")) {
            sql.append(" INVISIBLE");
        }
        if (!column.comment().isEmpty()) {
            sql.append(" COMMENT ").append(literal(column.comment()));
        }
        return sql.toString();
    }

    /** Whether the normalised definition differs from the column's. */
    static boolean changes(ColumnModel column) {
        return !type(column).equals(column.columnType()) || notUtf8mb4(column) || timestampWithoutDefault(column);
    }

    static String now(int precision) {
        return precision == 0 ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + precision + ")";
    }

    /** A backtick-quoted identifier. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
