package dev.keel.systemtests.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.keel.spi.session.Row;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * MariaDB in a container of the test's own (image {@link DockerFixture#IMAGE}, host network, 127.0.0.1 on a free
 * port), its data in a new named volume or a host folder, with a database {@code app}. Looked at from outside keel:
 * each look opens its own connections, since keel stops and starts the container between looks. {@link #close()}
 * removes the container and its volume.
 */
final class DockerDatabase implements AutoCloseable {

    static final String DATA_PATH = "/var/lib/mysql";

    private final DockerClient docker;
    private final String name;
    private final String id;
    private final int port;
    private final Optional<String> volume;

    private DockerDatabase(DockerClient docker, String name, String id, int port, Optional<String> volume) {
        this.docker = docker;
        this.name = name;
        this.id = id;
        this.port = port;
        this.volume = volume;
    }

    /** With its data in a new named volume. */
    static DockerDatabase withVolume() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return start("keel-st-" + suffix, Optional.of("keel-st-data-" + suffix), null);
    }

    /** With its data in a host folder (bind mount). */
    static DockerDatabase withBindMount(Path folder) {
        return start("keel-st-" + UUID.randomUUID().toString().substring(0, 8), Optional.empty(), folder);
    }

    private static DockerDatabase start(String name, Optional<String> volume, Path folder) {
        DockerClient docker = DockerFixture.docker();
        int port = freePort();
        volume.ifPresent(v -> docker.createVolumeCmd().withName(v).withLabels(Map.of("dev.keel.test", "true")).exec());
        Bind bind = new Bind(volume.orElseGet(() -> folder.toAbsolutePath().toString()), new Volume(DATA_PATH));
        String id = docker.createContainerCmd(DockerFixture.IMAGE).withName(name).withEnv("MARIADB_PORT=" + port)
                .withLabels(Map.of("dev.keel.test", "true"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withBinds(bind))
                .exec().getId();
        DockerDatabase database = new DockerDatabase(docker, name, id, port, volume);
        try {
            docker.startContainerCmd(id).exec();
            database.awaitAnswer(Duration.ofSeconds(120));
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(""))) {
                c.createStatement().execute("CREATE DATABASE app CHARACTER SET utf8mb4");
            }
            return database;
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    String id() {
        return id;
    }

    /** The JDBC URL of database {@code db} (root, empty password). */
    String jdbcUrl(String db) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + db + "?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** The URL for keel.yaml, quoted. */
    String yamlUrl() {
        return "\"" + jdbcUrl("app") + "\"";
    }

    private TestDatabase testDatabase() {
        return TestDatabase.of(jdbcUrl("app"), Optional.empty(), Optional.empty(), toString(), () -> { });
    }

    boolean answers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("") + "&connectTimeout=2000")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    void awaitAnswer(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(this + " did not answer within " + timeout + " (" + status() + ")");
            }
            pause(200);
        }
    }

    /** Runs statements in {@code app}. */
    void execute(String... sql) {
        try (DatabaseProbe probe = DatabaseProbe.mysql(testDatabase())) {
            for (String s : sql) {
                probe.execute(s);
            }
        }
    }

    /** The history rows ("version=status applied/total"), or empty without a history table. */
    List<String> history() {
        try (DatabaseProbe probe = DatabaseProbe.mysql(testDatabase())) {
            return probe.tableExists(DatabaseProbe.HISTORY) ? probe.history() : List.of();
        }
    }

    /**
     * The schema as keel fingerprints it (history table left out) and every table's rows, history included, each
     * table's rows sorted: equal before and after a run means nothing of the run is left.
     */
    String state() {
        try (DatabaseProbe probe = DatabaseProbe.mysql(testDatabase())) {
            Map<String, List<String>> contents = new LinkedHashMap<>();
            for (Row t : probe.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = "
                    + "DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                String table = t.text("t").orElseThrow();
                List<String> rows = new ArrayList<>();
                for (Row row : probe.query("SELECT * FROM `" + table + "`")) {
                    Map<String, String> values = new TreeMap<>();
                    row.values().forEach((column, value) -> values.put(column, value instanceof byte[] bytes
                            ? "0x" + HexFormat.of().formatHex(bytes) : String.valueOf(value)));
                    rows.add(values.toString());
                }
                rows.sort(null);
                contents.put(table, rows);
            }
            return probe.fingerprint().canonicalText() + "\n" + contents;
        }
    }

    /** {@code running}, {@code exited}, … or {@code removed}. */
    String status() {
        try {
            return docker.inspectContainerCmd(id).exec().getState().getStatus();
        } catch (RuntimeException gone) {
            return "removed";
        }
    }

    /** When the container last started; changes with every start. */
    String startedAt() {
        return docker.inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    @Override
    public void close() {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException gone) {
            // already removed
        }
        volume.ifPresent(v -> {
            try {
                docker.removeVolumeCmd(v).exec();
            } catch (RuntimeException gone) {
                // already removed
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "container " + name + " (127.0.0.1:" + port + ", " + volume.map(v -> "volume " + v).orElse("bind mount")
                + ")";
    }
}
