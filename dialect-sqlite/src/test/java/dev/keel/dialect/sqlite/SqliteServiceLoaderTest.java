package dev.keel.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.dialect.DialectProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Checks this module's {@code META-INF/services/dev.keel.spi.dialect.DialectProvider} file. */
class SqliteServiceLoaderTest {

    private static List<DialectProvider> providers() {
        return ServiceLoader.load(DialectProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void services_file_lists_exactly_the_sqlite_provider() {
        List<DialectProvider> providers = providers();

        assertEquals(1, providers.size(), () -> "expected one DialectProvider on the module's class path: " + providers);
        DialectProvider provider = providers.get(0);
        assertInstanceOf(SqliteDialectProvider.class, provider);
        assertEquals("sqlite", provider.id());
    }

    @Test
    void discovered_provider_accepts_sqlite_urls_only() {
        DialectProvider provider = providers().get(0);

        assertTrue(provider.accepts("jdbc:sqlite:x.db"));
        assertFalse(provider.accepts("jdbc:postgresql://x/y"));
    }
}
