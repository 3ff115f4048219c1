package dev.keel.snapshot.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.keel.jdbc.ConnectionPool;
import dev.keel.spi.ErrorCode;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import dev.keel.spi.snapshot.Snapshot;
import dev.keel.spi.snapshot.SnapshotPhase;
import dev.keel.spi.snapshot.SnapshotProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code docker} strategy on a real Docker engine (prepared by {@code .ci/docker-setup.sh}), with MariaDB
 * containers of the tests' own: take and restore with a named volume and with a bind mount, repeated and interrupted
 * restores, an abandoned take, the failure paths, and what {@code check()} reports before anything is stopped.
 */
class DockerSnapshotStrategyIT {

    private static final String ID = "20261122T081530Z-3f2a";

    @TempDir
    Path dir;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private MariadbContainer container(boolean volume) {
        MariadbContainer container = volume ? MariadbContainer.withVolume()
                : MariadbContainer.withBindMount(dir.resolve("bind-data"));
        closing.add(container);
        container.execute("app",
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')",
                "CREATE VIEW names AS SELECT name FROM customers");
        return container;
    }

    private DockerSnapshotStrategy strategy(MariadbContainer container, String... options) {
        ConnectionPool pool = ConnectionPool.forUrl(container.url("app"), Optional.empty(), Optional.empty(), Map.of());
        closing.add(pool);
        List<String> all = new ArrayList<>(List.of("container", container.name()));
        all.addAll(List.of(options));
        TestContext context = TestContext.of(container.url("app"), dir.resolve("snapshots"), pool::openUnpooled,
                all.toArray(String[]::new));
        return (DockerSnapshotStrategy) new DockerStrategyProvider().create(context);
    }

    /** Records the phases in order (each once, consecutive repeats folded) and the largest byte count of copies. */
    private static final class Recorded implements SnapshotProgress {
        final List<SnapshotPhase> phases = new ArrayList<>();
        long copied;

        @Override
        public void update(SnapshotPhase phase, long done, long total) {
            if (phases.isEmpty() || phases.get(phases.size() - 1) != phase) {
                phases.add(phase);
            }
            if (phase == SnapshotPhase.COPYING) {
                copied = Math.max(copied, done);
            }
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private void roundTrip(boolean volume) throws IOException {
        MariadbContainer container = container(volume);
        DockerSnapshotStrategy strategy = strategy(container);
        assertEquals(List.of(), strategy.check(), "the strategy can work");
        String before = container.state();
        String startedBefore = container.startedAt();

        Recorded taking = new Recorded();
        Snapshot snapshot = strategy.take(ID, Map.of(Snapshot.FINGERPRINT, "fp1"), taking);
        assertEquals(List.of(SnapshotPhase.CHECKING_SPACE, SnapshotPhase.STOPPING, SnapshotPhase.COPYING,
                SnapshotPhase.STARTING, SnapshotPhase.WAITING), taking.phases);
        assertTrue(taking.copied > 10_000_000, "a MariaDB data directory is tens of MB: " + taking.copied);
        assertEquals("running", container.status());
        assertNotEquals(startedBefore, container.startedAt(), "the container was stopped and started");
        assertTrue(container.answers());
        assertEquals(before, container.state(), "a take changes nothing");

        Path folder = dir.resolve("snapshots").resolve(ID);
        assertEquals(folder.toString(), snapshot.location());
        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(folder.resolve("data.tar")));
        assertEquals("rw-------", mode(folder.resolve("snapshot.properties")));
        assertEquals(Files.size(folder.resolve("data.tar")), snapshot.sizeBytes());
        assertFalse(snapshot.consumedByRestore());
        List<Snapshot> listed = strategy.list();
        assertEquals(List.of(ID), listed.stream().map(Snapshot::id).toList());
        assertEquals(Optional.of("fp1"), listed.get(0).fingerprint());

        // The data changes: a table dropped, one created, rows changed.
        container.execute("app", "DROP VIEW names", "INSERT INTO customers VALUES (3, 'Edsger')",
                "CREATE TABLE invoices (id INT PRIMARY KEY)", "ALTER TABLE customers ADD COLUMN city VARCHAR(50)");
        assertNotEquals(before, container.state());

        Recorded restoring = new Recorded();
        strategy.restore(listed.get(0), restoring);
        assertEquals(List.of(SnapshotPhase.STOPPING, SnapshotPhase.SWAPPING, SnapshotPhase.COPYING,
                SnapshotPhase.STARTING, SnapshotPhase.WAITING), restoring.phases);
        assertEquals(Files.size(folder.resolve("data.tar")), restoring.copied);
        assertEquals(before, container.state(), "the restore brings back the data of the take");

        // Idempotent: again, after more changes, the same result; the snapshot is kept.
        container.execute("app", "DELETE FROM customers");
        strategy.restore(listed.get(0), SnapshotProgress.none());
        assertEquals(before, container.state());
        assertEquals(List.of(ID), strategy.list().stream().map(Snapshot::id).toList());
        assertNoHelpersLeft();

        strategy.discard(listed.get(0));
        assertEquals(List.of(), strategy.list());
        assertFalse(Files.exists(folder));
    }

    private void assertNoHelpersLeft() {
        DockerClient docker = DockerTestEngine.require();
        var helpers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.keel.role", "snapshot-helper")).exec();
        assertEquals(List.of(), helpers.stream().map(c -> List.of(c.getNames())).toList(), "helper containers removed");
    }

    @Test
    void namedVolumeTakeAndRestore() throws IOException {
        roundTrip(true);
    }

    @Test
    void bindMountTakeAndRestore() throws IOException {
        roundTrip(false);
        assertTrue(Files.isDirectory(dir.resolve("bind-data").resolve("app")), "the data lives in the host folder");
    }

    @Test
    void anInterruptedRestoreIsFinishedByTheNextOne() throws IOException {
        MariadbContainer container = container(true);
        DockerSnapshotStrategy strategy = strategy(container);
        String before = container.state();
        Snapshot snapshot = strategy.take(ID, Map.of(), SnapshotProgress.none());
        container.execute("app", "DROP TABLE customers");

        // What a restore killed after it emptied the data path leaves: the container stopped, its data gone, and
        // the helper container that emptied it.
        container.stop();
        DockerEngine engine = new DockerEngine(DockerTestEngine.host(), java.time.Duration.ofSeconds(30));
        closing.add(engine);
        DataMount mount = engine.inspect(container.id()).orElseThrow().mountOf(MariadbContainer.DATA_PATH).orElseThrow();
        assertEquals(0, engine.runHelper("keel-test-empty", DockerTestEngine.IMAGE,
                List.of("find", MariadbContainer.DATA_PATH, "-mindepth", "1", "-delete"), mount, false,
                java.time.Duration.ofMinutes(2)).exitCode());
        DockerTestEngine.require().createContainerCmd(DockerTestEngine.IMAGE)
                .withName("keel-restore-" + container.id().substring(0, 12))
                .withLabels(Map.of("dev.keel.role", "snapshot-helper")).exec();

        strategy.restore(snapshot, SnapshotProgress.none());
        assertEquals("running", container.status());
        assertEquals(before, container.state());
        assertNoHelpersLeft();
    }

    @Test
    void anAbandonedTakeStartsTheContainerAgainAndLeavesNothing() throws IOException {
        MariadbContainer container = container(true);
        DockerSnapshotStrategy strategy = strategy(container);
        String before = container.state();

        // What a take killed during the copy leaves: its state, half an archive, the container stopped.
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"), "docker");
        Path partial = store.beginPartial(ID, Map.of("containerId", container.id(), "containerName", container.name(),
                "stopsContainer", "true"));
        Files.write(partial.resolve("data.tar"), new byte[4096]);
        container.stop();

        Recorded progress = new Recorded();
        strategy.abandonTake(ID, progress);
        assertEquals(List.of(SnapshotPhase.STARTING, SnapshotPhase.WAITING, SnapshotPhase.DELETING), progress.phases);
        assertEquals("running", container.status());
        assertTrue(container.answers());
        assertEquals(before, container.state());
        assertFalse(Files.exists(partial));
        assertEquals(List.of(), strategy.list());

        // Again: nothing to undo.
        strategy.abandonTake(ID, SnapshotProgress.none());
        assertEquals("running", container.status());
    }

    @Test
    void aTakeThatFailsAfterTheStopStartsTheContainerAgain() {
        MariadbContainer container = container(true);
        // On the volume, so every check passes; missing, so the copy fails after the container was stopped.
        DockerSnapshotStrategy strategy = strategy(container, "dataPath", "/var/lib/mysql/no-such-folder");
        assertEquals(List.of(), strategy.check());
        String startedBefore = container.startedAt();

        KeelException e = assertThrows(KeelException.class, () -> strategy.take(ID, Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_TAKE_FAILED, e.code());
        assertTrue(e.problems().get(0).what().contains("copying /var/lib/mysql/no-such-folder"), e::getMessage);
        assertTrue(e.problems().get(0).fix().contains("started the container again"), e::getMessage);
        assertNotEquals(startedBefore, container.startedAt(), "it was stopped");
        assertEquals("running", container.status(), "and started again");
        assertTrue(container.answers());
        assertFalse(Files.exists(dir.resolve("snapshots").resolve(ID + ".partial")));
        assertEquals(List.of(), strategy.list());
    }

    @Test
    void checkSaysPreciselyWhatIsWrongBeforeAnythingIsStopped() {
        MariadbContainer container = container(true);
        String startedBefore = container.startedAt();

        List<Problem> missing = strategy(container, "container", "keel-no-such-container").check();
        assertEquals(1, missing.size(), missing::toString);
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, missing.get(0).code());
        assertTrue(missing.get(0).what().contains("No container named 'keel-no-such-container' exists"), missing::toString);
        assertTrue(missing.get(0).fix().contains("docker ps -a"), missing::toString);
        KeelException refused = assertThrows(KeelException.class, () -> strategy(container, "container",
                "keel-no-such-container").take(ID, Map.of(), SnapshotProgress.none()));
        assertEquals(ErrorCode.SNAPSHOT_UNAVAILABLE, refused.code());
        assertFalse(Files.exists(dir.resolve("snapshots")), "nothing was written");

        List<Problem> unmounted = strategy(container, "dataPath", "/etc").check();
        assertTrue(unmounted.get(0).what().contains("is on no volume or bind mount"), unmounted::toString);

        List<Problem> noHealthCheck = strategy(container, "readyCheck", "healthy").check();
        assertTrue(noHealthCheck.get(0).what().contains("has no health check"), noHealthCheck::toString);

        assertEquals(startedBefore, container.startedAt(), "nothing was stopped");
        container.stop();
        List<Problem> stopped = strategy(container).check();
        assertTrue(stopped.get(0).what().contains("exists but is exited"), stopped::toString);
        assertTrue(stopped.get(0).fix().contains("docker start " + container.name()), stopped::toString);
    }

    @Test
    void theSizeIsMeasuredInAHelperWhenTheHostFolderIsNotReadableHere() {
        MariadbContainer container = container(true);
        DockerSnapshotStrategy strategy = strategy(container);
        DockerSnapshotStrategy.Target target = strategy.locate();
        long here = strategy.measure(target);
        long inHelper = strategy.measureInHelper(target);
        assertTrue(here > 10_000_000, "measured on this machine: " + here);
        assertTrue(inHelper > here / 2 && inHelper < here * 2, "du in a helper: " + inHelper + " vs " + here);
        assertNoHelpersLeft();
    }

    @Test
    void theArchiveCallsThroughDockerJavaGiveTheSameArchive() throws IOException {
        MariadbContainer container = container(true);
        container.stop();
        DockerEngine engine = new DockerEngine(DockerTestEngine.host(), java.time.Duration.ofSeconds(30));
        closing.add(engine);
        Path viaSocket = Files.createFile(dir.resolve("socket.tar"));
        Path viaClient = Files.createFile(dir.resolve("client.tar"));
        long socketBytes = engine.copyOut(container.id(), MariadbContainer.DATA_PATH, viaSocket, n -> { });
        long clientBytes = engine.copyOutThroughClient(container.id(), MariadbContainer.DATA_PATH, viaClient, n -> { });
        assertEquals(socketBytes, clientBytes, "the same archive either way");
        assertEquals(TarCheck.verify(viaSocket, "mysql"), TarCheck.verify(viaClient, "mysql"));
        // Put back through docker-java (as for a tcp:// engine): the database starts on it.
        engine.copyInThroughClient(container.id(), "/var/lib", viaClient, n -> { });
        container.startAndWait();
        assertTrue(container.state().contains("customers: 2 Grace"), container::state);
    }
}
