package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.keel.spi.snapshot.SnapshotStrategyProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks this module's {@code META-INF/services/dev.keel.spi.snapshot.SnapshotStrategyProvider} file. */
class DockerServiceLoaderTest {

    @Test
    void services_file_lists_exactly_the_docker_provider() {
        List<SnapshotStrategyProvider> providers = ServiceLoader.load(SnapshotStrategyProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, providers.size(), () -> "one SnapshotStrategyProvider on the module's class path: " + providers);
        SnapshotStrategyProvider provider = providers.get(0);
        assertInstanceOf(DockerStrategyProvider.class, provider);
        assertEquals("docker", provider.id());
        assertEquals(Set.of("container", "dataPath", "dockerHost", "readyTimeout", "readyCheck", "stopTimeout",
                "helperImage"), provider.optionNames());
    }
}
