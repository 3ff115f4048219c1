package dev.keel.bootstrap;

import java.util.Optional;
import javax.sql.DataSource;

/** The database: a data source passed by an embedding program, or the configured URL. */
record ConnectionTarget(Optional<DataSource> dataSource) {
}
