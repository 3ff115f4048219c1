package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DatabaseProvisioningTest {

    @Test
    void randomNamesFollowThePattern() {
        String a = DatabaseProvisioning.randomName();
        assertTrue(a.matches("keel_t_[a-z0-9]{12}"), a);
        assertNotEquals(a, DatabaseProvisioning.randomName());
    }

    @Test
    void withDatabaseReplacesThePathAndKeepsParameters() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/keel_t_x",
                DatabaseProvisioning.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "keel_t_x", ""));
        assertEquals("jdbc:postgresql://h:1/keel_t_x?user=u&password=p",
                DatabaseProvisioning.withDatabase("jdbc:postgresql://h:1/postgres?user=u&password=p", "keel_t_x", ""));
        assertEquals("jdbc:mysql://127.0.0.1:3306/keel_t_x?a=1&b=2",
                DatabaseProvisioning.withDatabase("jdbc:mysql://127.0.0.1:3306/", "keel_t_x", "a=1&b=2"));
        assertEquals("jdbc:mysql://h/keel_t_x?useSSL=true&user=root&b=2",
                DatabaseProvisioning.withDatabase("jdbc:mysql://h?useSSL=true&user=root", "keel_t_x", "useSSL=false&b=2"));
    }

    @Test
    void portsOfLocalServers() {
        assertEquals("jdbc:postgresql://127.0.0.1:5999/postgres", ServerKind.POSTGRES.adminUrlAt(5999));
        assertEquals("jdbc:mysql://127.0.0.1:3999/", ServerKind.MYSQL.adminUrlAt(3999));
    }

    @Test
    void withoutDockerTheContainerPathStepsAsideQuickly() {
        String dockerHost = System.getenv("DOCKER_HOST");
        Assumptions.assumeTrue((dockerHost == null || dockerHost.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock")),
                "a Docker engine may be present");
        List<String> reasons = new ArrayList<>();
        assertEquals(Optional.empty(), ContainerServers.server(ServerKind.POSTGRES, reasons));
        assertEquals(List.of("no Docker engine (DOCKER_HOST unset, no /var/run/docker.sock)"), reasons);
    }
}
