package dev.keel.spi.schema;

import dev.keel.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a table.
 *
 * @param name         the column's name
 * @param dataType     the base type in lower case, without length or modifiers ({@code int}, {@code varchar},
 *                     {@code datetime}, {@code text})
 * @param columnType   the full type as the database spells it, lower case ({@code int(11) unsigned},
 *                     {@code varchar(50)}, {@code datetime(3)})
 * @param nullable     whether it accepts NULL
 * @param defaultValue its default as SQL text usable in DDL (a quoted literal or an expression such as
 *                     {@code current_timestamp()}); empty when it has none
 * @param charset      the character set of a text column
 * @param collation    the collation of a text column
 * @param extra        what else the database says of it, lower case ({@code auto_increment},
 *                     {@code on update current_timestamp()}, {@code virtual generated}); empty when nothing
 * @param comment      its comment; empty when none
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ColumnModel(
        String name,
        String dataType,
        String columnType,
        boolean nullable,
        Optional<String> defaultValue,
        Optional<String> charset,
        Optional<String> collation,
        String extra,
        String comment) {

    public ColumnModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(columnType, "columnType");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(comment, "comment");
    }

    /** Whether the database computes the column (a generated column), so that its definition is not a plain type. */
    public boolean generated() {
        return extra.contains("generated");
    }
}
