package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.snapshot.SnapshotProgress;
import dev.keel.spi.snapshot.SnapshotStrategy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 5 without an engine: when no Docker engine answers, {@code check()} says so precisely and a
 * take refuses before it writes or stops anything. (The same against a real engine with a missing container is in
 * {@link DockerSnapshotStrategyIT}.)
 */
class DockerCheckWithoutEngineTest {

    @TempDir
    Path dir;

    private SnapshotStrategy strategy(String dockerHost) {
        TestContext context = TestContext.of("jdbc:mysql://127.0.0.1:1/app", dir.resolve("snapshots"),
                () -> { throw new IllegalStateException("no database in this test"); },
                "container", "db", "dockerHost", dockerHost);
        return new DockerStrategyProvider().create(context);
    }

    @Test
    void creating_the_strategy_touches_nothing() {
        strategy("unix://" + dir.resolve("nothing.sock"));
        assertFalse(Files.exists(dir.resolve("snapshots")));
    }

    @Test
    void a_missing_socket_is_named() {
        Path socket = dir.resolve("docker.sock");
        List<Problem> problems = strategy("unix://" + socket).check();
        assertEquals(1, problems.size(), problems::toString);
        Problem p = problems.get(0);
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, p.code());
        assertTrue(p.what().contains("Docker engine cannot be reached") && p.what().contains(socket.toString()), p::what);
        assertTrue(p.fix().contains("dockerHost") && p.fix().contains("DOCKER_HOST") && p.fix().contains("Nothing was stopped"),
                p::fix);
    }

    @Test
    void an_engine_that_refuses_connections_is_named_and_a_take_refuses_before_writing_anything() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SnapshotStrategy strategy = strategy("tcp://127.0.0.1:" + port);
        List<Problem> problems = strategy.check();
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, problems.get(0).code());
        assertTrue(problems.get(0).what().contains("tcp://127.0.0.1:" + port), problems.get(0)::what);

        KeelException refused = assertThrows(KeelException.class,
                () -> strategy.take("20261122T081530Z-0001", Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, refused.code());
        assertFalse(Files.exists(dir.resolve("snapshots")), "nothing was written before the refusal");
        assertEquals(List.of(), strategy.list(), "a list works while the engine is down");
    }
}
