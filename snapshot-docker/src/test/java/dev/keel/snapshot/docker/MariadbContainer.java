package dev.keel.snapshot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A MariaDB container of a test's own, from {@link DockerTestEngine#IMAGE}: host network, mariadbd on 127.0.0.1 and a
 * free port, its data in a new named volume or in a host folder (bind mount). {@link #close()} removes the container
 * and the volume.
 */
final class MariadbContainer implements AutoCloseable {

    static final String DATA_PATH = "/var/lib/mysql";

    private final DockerClient docker;
    private final String name;
    private final String id;
    private final int port;
    private final Optional<String> volume;

    private MariadbContainer(DockerClient docker, String name, String id, int port, Optional<String> volume) {
        this.docker = docker;
        this.name = name;
        this.id = id;
        this.port = port;
        this.volume = volume;
    }

    /** A container with its data in a new named volume. */
    static MariadbContainer withVolume() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return start("keel-it-" + suffix, Optional.of("keel-it-data-" + suffix), null);
    }

    /** A container with its data in a host folder (empty or missing: the container initialises it). */
    static MariadbContainer withBindMount(Path folder) {
        return start("keel-it-" + UUID.randomUUID().toString().substring(0, 8), Optional.empty(), folder);
    }

    private static MariadbContainer start(String name, Optional<String> volume, Path folder) {
        DockerClient docker = DockerTestEngine.require();
        int port = freePort();
        volume.ifPresent(v -> docker.createVolumeCmd().withName(v).withLabels(Map.of("dev.keel.test", "true")).exec());
        Bind bind = new Bind(volume.orElseGet(() -> folder.toAbsolutePath().toString()), new Volume(DATA_PATH));
        String id = docker.createContainerCmd(DockerTestEngine.IMAGE)
                .withName(name)
                .withEnv("MARIADB_PORT=" + port)
                .withLabels(Map.of("dev.keel.test", "true"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host").withBinds(bind))
                .exec().getId();
        MariadbContainer container = new MariadbContainer(docker, name, id, port, volume);
        try {
            docker.startContainerCmd(id).exec();
            container.awaitReady(Duration.ofSeconds(120));
            container.execute("", "CREATE DATABASE app CHARACTER SET utf8mb4");
            return container;
        } catch (RuntimeException | Error e) {
            container.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    String id() {
        return id;
    }

    int port() {
        return port;
    }

    /** The JDBC URL of a database in it (root, empty password). */
    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=2000";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** Whether a connection succeeds now. */
    boolean answers() {
        try (Connection c = connect("")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("MariaDB in container " + name + " did not answer within " + timeout
                        + "; status " + status());
            }
            sleep(200);
        }
    }

    void execute(String database, String... sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " (in " + name + ")", e);
        }
    }

    /**
     * What database {@code app} holds: each table's definition and its rows in key order, as text, to compare
     * before and after.
     */
    String state() {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect("app"); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SHOW FULL TABLES")) {
                while (r.next()) {
                    tables.add(r.getString(1) + " " + r.getString(2));
                }
            }
            tables.sort(null);
            for (String table : tables) {
                String tableName = table.substring(0, table.indexOf(' '));
                try (ResultSet r = s.executeQuery("SHOW CREATE TABLE `" + tableName + "`")) {
                    r.next();
                    lines.add(r.getString(2));
                }
                if (table.endsWith("BASE TABLE")) {
                    try (ResultSet r = s.executeQuery("SELECT * FROM `" + tableName + "` ORDER BY 1")) {
                        int columns = r.getMetaData().getColumnCount();
                        while (r.next()) {
                            StringBuilder row = new StringBuilder(tableName).append(':');
                            for (int i = 1; i <= columns; i++) {
                                row.append(' ').append(r.getString(i));
                            }
                            lines.add(row.toString());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " (in " + name + ")", e);
        }
        return String.join("\n", lines);
    }

    /** The container's status now ({@code running}, {@code exited}, …), or {@code removed}. */
    String status() {
        try {
            return docker.inspectContainerCmd(id).exec().getState().getStatus();
        } catch (RuntimeException gone) {
            return "removed";
        }
    }

    /** When the container last started: changes with each start. */
    String startedAt() {
        return docker.inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    void stop() {
        docker.stopContainerCmd(id).withTimeout(60).exec();
    }

    void startAndWait() {
        docker.startContainerCmd(id).exec();
        awaitReady(Duration.ofSeconds(120));
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "container " + name + " (port " + port + ", " + volume.map(v -> "volume " + v).orElse("bind mount") + ")";
    }
}
