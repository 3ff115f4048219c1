package dev.keel.dialect.postgres;

import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import java.util.Set;

/** Finds the PostgreSQL dialect for {@code jdbc:postgresql:} URLs; also named {@code postgresql} and {@code pg}. */
public final class PostgresDialectProvider implements DialectProvider {

    private static final String SCHEME = "jdbc:postgresql:";

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("postgresql", "pg");
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    public Dialect create(DialectContext context) {
        return new PostgresDialect();
    }
}
