package dev.keel.dialect.mysql;

import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import java.util.Set;

/**
 * Finds the MySQL/MariaDB dialect for {@code jdbc:mysql:} URLs (also {@code jdbc:mysql:loadbalance:},
 * {@code jdbc:mysql:replication:} and {@code jdbc:mysql+srv:}) and {@code jdbc:mariadb:} URLs, which are handed to
 * mysql-connector-j as {@code jdbc:mysql:} (see {@link MysqlDialect#driverUrl}). MariaDB servers may be given either
 * way. The X Protocol ({@code jdbc:mysqlx:}) is not supported.
 */
public final class MysqlDialectProvider implements DialectProvider {

    /** The canonical id. */
    static final String ID = "mysql";
    static final String MYSQL_SCHEME = "jdbc:mysql:";
    static final String MARIADB_SCHEME = "jdbc:mariadb:";
    private static final String SRV_SCHEME = "jdbc:mysql+srv:";

    public MysqlDialectProvider() {
        // cheap: the dialect is made per run
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("mariadb");
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return startsWith(jdbcUrl, MYSQL_SCHEME) || startsWith(jdbcUrl, MARIADB_SCHEME) || startsWith(jdbcUrl, SRV_SCHEME);
    }

    @Override
    public Dialect create(DialectContext context) {
        return new MysqlDialect();
    }

    private static boolean startsWith(String url, String scheme) {
        return url.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
