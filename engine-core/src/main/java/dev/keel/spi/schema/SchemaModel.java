package dev.keel.spi.schema;

import dev.keel.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables of one database (its current schema for PostgreSQL and MySQL), as read from the live database after
 * migrating; Keel's history table is left out.
 *
 * @param dialect the dialect id that read it ({@code mysql}, {@code postgres}, {@code sqlite})
 * @param server  the server's product, e.g. {@code MariaDB} or {@code MySQL}, for policies whose fixes differ
 * @param tables  the base tables (not views), sorted by name
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SchemaModel(String dialect, String server, List<TableModel> tables) {

    public SchemaModel {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(server, "server");
        tables = List.copyOf(tables);
    }

    /** The table with this name, ignoring case. */
    public Optional<TableModel> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
