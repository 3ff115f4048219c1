package dev.keel.spi.dialect;

import dev.keel.spi.Api;
import java.util.Set;

/**
 * Entry point of a database family, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.keel.spi.dialect.DialectProvider}. Cheap to construct: the working
 * {@link Dialect} is created per run with {@link #create}.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DialectProvider {

    /** The canonical dialect id ({@code sqlite}, {@code postgres}, {@code mysql}). */
    String id();

    /** Other names used in file-name variants and config ({@code pg}, {@code postgresql}, …). */
    Set<String> aliases();

    /** Whether this family handles the JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Creates the dialect for one run. */
    Dialect create(DialectContext context);
}
