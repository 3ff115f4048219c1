package dev.keel.dialect.sqlite;

import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.dialect.DialectContext;
import dev.keel.spi.dialect.DialectProvider;
import java.util.Set;

/** Finds the SQLite dialect for {@code jdbc:sqlite:} URLs. */
public final class SqliteDialectProvider implements DialectProvider {

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("sqlite3");
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length());
    }

    @Override
    public Dialect create(DialectContext context) {
        return new SqliteDialect(SqliteDatabaseFile.fromUrl(context.url()), context.lockTimeout());
    }
}
