package dev.keel.testkit;

import dev.keel.testkit.ServerKind.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers fallback of {@link DatabaseProvisioning}: one container per kind of server for the whole JVM,
 * on the host network with the server bound to 127.0.0.1 on a free port, from an image that is already present
 * (nothing is pulled), stopped when the JVM exits. Loaded only when Testcontainers is on the class path. Set
 * {@code TESTCONTAINERS_RYUK_DISABLED=true}: the reaper image cannot be pulled either.
 */
final class ContainerServers {

    private static final Map<ServerKind, Server> STARTED = new ConcurrentHashMap<>();

    private ContainerServers() {
    }

    static synchronized Optional<Server> server(ServerKind kind, List<String> reasons) {
        Server started = STARTED.get(kind);
        if (started != null) {
            return Optional.of(started);
        }
        String dockerHost = System.getenv("DOCKER_HOST");
        if ((dockerHost == null || dockerHost.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock"))) {
            reasons.add("no Docker engine (DOCKER_HOST unset, no /var/run/docker.sock)");
            return Optional.empty();
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            reasons.add("the Docker engine does not answer");
            return Optional.empty();
        }
        String configured = System.getenv(kind.imageVariable);
        String image = configured == null || configured.isBlank() ? kind.defaultImage : configured.strip();
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
        } catch (RuntimeException absent) {
            reasons.add("the image " + image + " is not present locally (set " + kind.imageVariable + ")");
            return Optional.empty();
        }
        int port = freePort();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withNetworkMode("host");
        if (kind == ServerKind.POSTGRES) {
            container.withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withCommand("postgres", "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1");
        } else {
            container.withEnv("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "1")
                    .withCommand("mariadbd", "--user=root", "--port=" + port, "--bind-address=127.0.0.1");
        }
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "keel-testkit-stop-" + kind));
        Server server = new Server(kind, kind.adminUrlAt(port), Optional.of(kind.localUser), Optional.empty(),
                "container " + image + " on 127.0.0.1:" + port);
        if (!answers(server, 90_000)) {
            container.stop();
            reasons.add("the container " + image + " did not accept connections on 127.0.0.1:" + port);
            return Optional.empty();
        }
        STARTED.put(kind, server);
        return Optional.of(server);
    }

    private static boolean answers(Server server, long waitMillis) {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (System.currentTimeMillis() < deadline) {
            Properties properties = server.kind().connectProperties();
            properties.setProperty("user", server.user().orElse(""));
            try (Connection connection = DriverManager.getConnection(server.adminUrl(), properties)) {
                return connection.isValid(5);
            } catch (SQLException notYet) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
