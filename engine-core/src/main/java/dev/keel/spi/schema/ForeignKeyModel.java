package dev.keel.spi.schema;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;

/**
 * One foreign key a table declares.
 *
 * @param name              the constraint's name
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in key order
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ForeignKeyModel(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {

    public ForeignKeyModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
    }
}
