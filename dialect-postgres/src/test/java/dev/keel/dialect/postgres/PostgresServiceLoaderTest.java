package dev.keel.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.dialect.DialectProvider;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Checks this module's {@code META-INF/services/dev.keel.spi.dialect.DialectProvider} file. */
class PostgresServiceLoaderTest {

    private static List<DialectProvider> providers() {
        return ServiceLoader.load(DialectProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void services_file_lists_exactly_the_postgres_provider() {
        List<DialectProvider> providers = providers();

        assertEquals(1, providers.size(), () -> "expected one DialectProvider on the module's class path: " + providers);
        DialectProvider provider = providers.get(0);
        assertInstanceOf(PostgresDialectProvider.class, provider);
        assertEquals("postgres", provider.id());
        assertEquals(Set.of("postgresql", "pg"), provider.aliases());
    }

    @Test
    void discovered_provider_accepts_postgresql_urls_only() {
        DialectProvider provider = providers().get(0);

        assertTrue(provider.accepts("jdbc:postgresql://localhost:5432/app"));
        assertTrue(provider.accepts("JDBC:PostgreSQL:app"));
        assertFalse(provider.accepts("jdbc:sqlite:x.db"));
        assertFalse(provider.accepts("jdbc:mysql://x/y"));
        assertFalse(provider.accepts("jdbc:postgres://x/y"));
    }

    @Test
    void created_dialect_is_transactional_with_an_advisory_lock() {
        var dialect = providers().get(0).create(new dev.keel.spi.dialect.DialectContext() {
            @Override
            public String url() {
                return "jdbc:postgresql://127.0.0.1/app";
            }

            @Override
            public java.time.Duration lockTimeout() {
                return java.time.Duration.ofSeconds(1);
            }
        });
        assertEquals("postgres", dialect.id());
        assertTrue(dialect.capabilities().transactionalDdl());
        assertEquals(dev.keel.spi.dialect.Capabilities.LockKind.ADVISORY, dialect.capabilities().lockKind());
        assertEquals("keel", dialect.connectionProperties().get("ApplicationName"));
    }
}
