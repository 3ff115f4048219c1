package dev.keel.spi.schema;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;

/**
 * One index of a table.
 *
 * @param name    the index's name ({@code PRIMARY} for MySQL's primary key)
 * @param columns its columns in index order (an expression part is left out)
 * @param unique  whether it is unique
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record IndexModel(String name, List<String> columns, boolean unique) {

    public IndexModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
