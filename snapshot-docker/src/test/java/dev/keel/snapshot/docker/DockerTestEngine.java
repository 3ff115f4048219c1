package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine and the local MariaDB image the tests run containers from (shared/TESTING.md): both are
 * prepared by {@code .ci/docker-setup.sh}. When either is missing, a test fails under {@code CI=true} (a green CI means
 * these tests ran) and is skipped with the reason otherwise.
 */
final class DockerTestEngine {

    /** The image, built locally by .ci/docker-setup.sh (no registry is reachable). */
    static final String IMAGE = System.getenv().getOrDefault("KEEL_DOCKER_TEST_IMAGE", "keel-test/mariadb:10.11");

    private static DockerClient client;
    private static String unavailable;

    private DockerTestEngine() {
    }

    /** The engine's address: {@code DOCKER_HOST}, else the local socket. */
    static URI host() {
        String configured = System.getenv("DOCKER_HOST");
        return URI.create(configured == null || configured.isBlank() ? "unix:///var/run/docker.sock" : configured);
    }

    /** A client for the test's own calls; fails or skips the test when the engine or the image is missing. */
    static synchronized DockerClient require() {
        if (client == null && unavailable == null) {
            unavailable = probe();
        }
        if (unavailable != null) {
            String reason = unavailable + " Prepare them with 'sudo .ci/docker-setup.sh' (installs docker.io, starts "
                    + "dockerd, builds " + IMAGE + ").";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and the Docker tests cannot run: " + reason);
            }
            Assumptions.abort(reason);
        }
        return client;
    }

    private static String probe() {
        URI host = host();
        if ("unix".equals(host.getScheme()) && !Files.exists(Path.of(host.getPath()))) {
            return "No Docker engine: there is no socket " + host.getPath() + ".";
        }
        try {
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host.toString()).build();
            var http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig()).connectionTimeout(Duration.ofSeconds(5))
                    .responseTimeout(Duration.ofMinutes(5)).build();
            DockerClient candidate = DockerClientImpl.getInstance(config, http);
            candidate.pingCmd().exec();
            try {
                candidate.inspectImageCmd(IMAGE).exec();
            } catch (RuntimeException absent) {
                return "The Docker engine at " + host + " answers, but has no image " + IMAGE + ".";
            }
            client = candidate;
            return null;
        } catch (RuntimeException e) {
            return "The Docker engine at " + host + " does not answer: " + DockerEngine.reason(e) + ".";
        }
    }
}
