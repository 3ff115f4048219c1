package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.snapshot.SnapshotOptions;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerOptionsTest {

    private static SnapshotOptions options(String... pairs) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], List.of(pairs[i + 1]));
            origins.put(pairs[i], "keel.yaml:" + (10 + i) + ":7");
        }
        return new SnapshotOptions(values, origins);
    }

    private static KeelException invalid(Map<String, String> env, String... pairs) {
        return assertThrows(KeelException.class, () -> DockerOptions.from(options(pairs), env));
    }

    @Test
    void defaults_apply_when_only_the_container_is_given() {
        DockerOptions o = DockerOptions.from(options("container", "db"), Map.of());
        assertEquals("db", o.container());
        assertEquals("/var/lib/mysql", o.dataPath());
        assertEquals("/var/lib", o.dataParent());
        assertEquals("mysql", o.dataName());
        assertEquals(URI.create("unix:///var/run/docker.sock"), o.dockerHost());
        assertTrue(o.localSocket());
        assertEquals(Optional.empty(), o.readyTimeout());
        assertEquals(DockerOptions.ReadyCheck.SESSION, o.readyCheck());
        assertEquals(Duration.ofSeconds(60), o.stopTimeout());
        assertEquals(Optional.empty(), o.helperImage());
    }

    @Test
    void every_option_is_read() {
        DockerOptions o = DockerOptions.from(options("container", "/app-db-1", "dataPath", "/data", "dockerHost",
                "tcp://127.0.0.1:2375", "readyTimeout", "2m", "readyCheck", "Healthy", "stopTimeout", "90s",
                "helperImage", "busybox:1.36"), Map.of("DOCKER_HOST", "unix:///elsewhere.sock"));
        assertEquals("app-db-1", o.container(), "a leading slash, as docker inspect prints names, is dropped");
        assertEquals("/data", o.dataPath());
        assertEquals("/", o.dataParent());
        assertEquals("data", o.dataName());
        assertEquals(URI.create("tcp://127.0.0.1:2375"), o.dockerHost(), "the option wins over DOCKER_HOST");
        assertEquals(Optional.of(Duration.ofMinutes(2)), o.readyTimeout());
        assertEquals(DockerOptions.ReadyCheck.HEALTHY, o.readyCheck());
        assertEquals(Duration.ofSeconds(90), o.stopTimeout());
        assertEquals(Optional.of("busybox:1.36"), o.helperImage());
    }

    @Test
    void docker_host_comes_from_the_environment_when_not_configured() {
        DockerOptions o = DockerOptions.from(options("container", "db"), Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"));
        assertEquals(URI.create("unix:///run/user/1000/docker.sock"), o.dockerHost());
        KeelException e = invalid(Map.of("DOCKER_HOST", "ssh://me@host"), "container", "db");
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.problems().get(0).what().contains("DOCKER_HOST"), e::getMessage);
    }

    @Test
    void the_container_is_required_and_must_be_a_name_or_id() {
        KeelException missing = invalid(Map.of());
        assertEquals(ErrorCode.CONFIG_INVALID, missing.code());
        assertTrue(missing.problems().get(0).what().contains("'container'"), missing::getMessage);
        for (String bad : List.of("db name", "../db", "db/x", "-db", "db;rm -rf /")) {
            KeelException e = invalid(Map.of(), "container", bad);
            assertEquals(ErrorCode.CONFIG_INVALID, e.code(), bad);
            assertTrue(e.problems().get(0).where().orElseThrow().toString().startsWith("keel.yaml:10"), e::getMessage);
        }
    }

    @Test
    void the_data_path_must_be_an_absolute_normal_folder_below_the_root() {
        for (String bad : List.of("/", "var/lib/mysql", "/var/lib/mysql/", "/var/../etc", "/var/./lib", "//x")) {
            KeelException e = invalid(Map.of(), "container", "db", "dataPath", bad);
            assertEquals(ErrorCode.CONFIG_INVALID, e.code(), bad);
            assertTrue(e.problems().get(0).what().contains("'dataPath'"), e::getMessage);
        }
    }

    @Test
    void durations_check_and_other_values_are_validated() {
        assertEquals(Optional.of(Duration.ofSeconds(45)),
                DockerOptions.from(options("container", "db", "readyTimeout", "45"), Map.of()).readyTimeout());
        assertEquals(Optional.of(Duration.ofMillis(1500)),
                DockerOptions.from(options("container", "db", "readyTimeout", "1500ms"), Map.of()).readyTimeout());
        assertEquals(Optional.of(Duration.ofMinutes(3)),
                DockerOptions.from(options("container", "db", "readyTimeout", "PT3M"), Map.of()).readyTimeout());
        for (String bad : List.of("0", "-5", "soon", "PT0S", "5 days")) {
            assertEquals(ErrorCode.CONFIG_INVALID, invalid(Map.of(), "container", "db", "readyTimeout", bad).code(), bad);
        }
        assertEquals(ErrorCode.CONFIG_INVALID, invalid(Map.of(), "container", "db", "readyCheck", "ping").code());
        assertEquals(ErrorCode.CONFIG_INVALID, invalid(Map.of(), "container", "db", "dockerHost", "http://x").code());
        assertEquals(ErrorCode.CONFIG_INVALID, invalid(Map.of(), "container", "db", "dockerHost", "tcp://host").code());
        assertEquals(ErrorCode.CONFIG_INVALID, invalid(Map.of(), "container", "db", "helperImage", "a b").code());
    }
}
