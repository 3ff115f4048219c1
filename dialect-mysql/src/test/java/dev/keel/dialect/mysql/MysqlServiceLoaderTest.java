package dev.keel.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.dialect.DialectProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks this module's {@code META-INF/services/dev.keel.spi.dialect.DialectProvider} file. */
class MysqlServiceLoaderTest {

    private static List<DialectProvider> providers() {
        return ServiceLoader.load(DialectProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void services_file_lists_exactly_the_mysql_provider() {
        List<DialectProvider> providers = providers();

        assertEquals(1, providers.size(), () -> "expected one DialectProvider on the module's class path: " + providers);
        DialectProvider provider = providers.get(0);
        assertInstanceOf(MysqlDialectProvider.class, provider);
        assertEquals("mysql", provider.id());
        assertEquals(Set.of("mariadb"), provider.aliases());
    }

    @Test
    void discovered_provider_accepts_mysql_and_mariadb_urls_only() {
        DialectProvider provider = providers().get(0);

        assertTrue(provider.accepts("jdbc:mysql://127.0.0.1:3306/app"));
        assertTrue(provider.accepts("JDBC:MySQL://127.0.0.1/app"));
        assertTrue(provider.accepts("jdbc:mariadb://127.0.0.1:3306/app"));
        assertTrue(provider.accepts("jdbc:mysql:loadbalance://a,b/app"));
        assertTrue(provider.accepts("jdbc:mysql+srv://cluster.example/app"));
        assertFalse(provider.accepts("jdbc:mysqlx://127.0.0.1:33060/app"));
        assertFalse(provider.accepts("jdbc:postgresql://x/y"));
        assertFalse(provider.accepts("jdbc:sqlite:x.db"));
    }
}
