package dev.keel.systemtests.docker;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine and the local image {@value #IMAGE_DEFAULT} that these tests run MariaDB containers from,
 * both prepared by {@code .ci/docker-setup.sh} (shared/TESTING.md). When either is missing, a test fails under
 * {@code CI=true} (a green CI means they ran) and is skipped with the reason otherwise.
 */
final class DockerFixture {

    static final String IMAGE_DEFAULT = "keel-test/mariadb:10.11";
    static final String IMAGE = System.getenv().getOrDefault("KEEL_DOCKER_TEST_IMAGE", IMAGE_DEFAULT);

    private static DockerClient client;
    private static String unavailable;

    private DockerFixture() {
    }

    static URI host() {
        String configured = System.getenv("DOCKER_HOST");
        return URI.create(configured == null || configured.isBlank() ? "unix:///var/run/docker.sock" : configured);
    }

    /** A client for the tests' own calls; fails (CI) or skips the test when the engine or the image is missing. */
    static synchronized DockerClient docker() {
        if (client == null && unavailable == null) {
            unavailable = probe();
        }
        if (unavailable != null) {
            String reason = unavailable + " Prepare them with 'sudo .ci/docker-setup.sh'.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and the Docker system tests cannot run: " + reason);
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
            return "The Docker engine at " + host + " does not answer: " + e.getMessage() + ".";
        }
    }

    /**
     * The names of the helper containers Keel's docker strategy left for this database container (none, after every
     * command). Helpers are named after the container they serve, so tests running at the same time in another test
     * JVM do not see each other's.
     */
    static List<String> leftoverHelpers(DockerDatabase database) {
        String shortId = database.id().substring(0, 12);
        return docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.keel.role", "snapshot-helper")).exec().stream()
                .map(c -> String.join(",", c.getNames()))
                .filter(names -> names.contains(shortId)).toList();
    }
}
