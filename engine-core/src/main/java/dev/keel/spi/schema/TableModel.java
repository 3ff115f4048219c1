package dev.keel.spi.schema;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One base table.
 *
 * @param name        the table's name as the database reports it
 * @param collation   the table's default collation, when the database has one per table (MySQL)
 * @param columns     its columns in column order
 * @param primaryKey  the primary key's columns in key order; empty when it has none
 * @param indexes     its indexes, the primary key's included on databases that list it as one
 * @param foreignKeys the foreign keys it declares
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TableModel(
        String name,
        Optional<String> collation,
        List<ColumnModel> columns,
        List<String> primaryKey,
        List<IndexModel> indexes,
        List<ForeignKeyModel> foreignKeys) {

    public TableModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(collation, "collation");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The column with this name, ignoring case. */
    public Optional<ColumnModel> column(String column) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst();
    }

    /** Whether an index (or the primary key) starts with this column, so that lookups by it can use one. */
    public boolean indexLeadsWith(String column) {
        return (!primaryKey.isEmpty() && primaryKey.get(0).equalsIgnoreCase(column))
                || indexes.stream().anyMatch(i -> !i.columns().isEmpty() && i.columns().get(0).equalsIgnoreCase(column));
    }

    /** Whether the column takes part in a foreign key this table declares (as the referencing column). */
    public boolean inForeignKey(String column) {
        return foreignKeys.stream().anyMatch(k -> k.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)));
    }
}
