package dev.keel.testkit;

import dev.keel.testkit.ServerKind.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a new, empty database with a random name ({@code keel_t_} and 12 lower-case letters or digits) for a test
 * class, following {@code shared/TESTING.md}. For a server it looks, in this order, at:
 * <ol>
 *   <li>an explicit JDBC URL in {@code KEEL_TEST_POSTGRES_URL} / {@code KEEL_TEST_MYSQL_URL}, naming a server where
 *       Keel may create databases (user and password as URL parameters); if it is set but unusable the test fails;</li>
 *   <li>the local server: PostgreSQL on 127.0.0.1:5432 as {@code postgres} (trust), MariaDB/MySQL on 127.0.0.1:3306
 *       as {@code root} with an empty password;</li>
 *   <li>a Testcontainers container, only when {@code org.testcontainers:testcontainers} is on the class path, a
 *       Docker engine answers and the image ({@code KEEL_TEST_POSTGRES_IMAGE}, default {@code postgres:15};
 *       {@code KEEL_TEST_MYSQL_IMAGE}, default {@code mariadb:10.11}) is already present locally.</li>
 * </ol>
 * When none is available the calling test is skipped with the reason printed, except when the environment has
 * {@code CI=true}: then it fails ("database tests must run in CI"), so a green CI means the database tests ran.
 *
 * <p>JDBC drivers are not a dependency of this kit: the calling module brings {@code org.postgresql:postgresql} or
 * {@code com.mysql:mysql-connector-j} on its test class path. Only the new database is ever changed; the
 * {@code postgres} or server-level connection is used just to run {@code CREATE DATABASE} and {@code DROP DATABASE}.
 */
public final class DatabaseProvisioning {

    private static final Pattern OWN_NAME = Pattern.compile("keel_t_[a-z0-9]{12}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The platform logger (java.util.logging prints warnings on stderr); standard streams are the CLI's alone. */
    private static final System.Logger LOG = System.getLogger(DatabaseProvisioning.class.getName());

    private DatabaseProvisioning() {
    }

    /** A new PostgreSQL database; its {@link TestDatabase#close()} drops it ({@code WITH (FORCE)} on 13 and later). */
    public static TestDatabase postgres() {
        return provision(ServerKind.POSTGRES);
    }

    /** A new MySQL database (MariaDB stands in for MySQL), character set {@code utf8mb4}; {@code close()} drops it. */
    public static TestDatabase mysql() {
        return provision(ServerKind.MYSQL);
    }

    /**
     * A new SQLite database file in a folder (not created until the first connection); {@code close()} deletes it and
     * the files SQLite and Keel keep beside it ({@code -journal}, {@code -wal}, {@code -shm}, {@code .keel-lock}).
     */
    public static TestDatabase sqlite(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Path file = dir.toAbsolutePath().resolve(randomName() + ".db");
        return TestDatabase.of("jdbc:sqlite:" + file, Optional.empty(), Optional.empty(), "SQLite file " + file, () -> {
            for (String suffix : List.of("", "-journal", "-wal", "-shm", ".keel-lock")) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the test database " + file + suffix, e);
                }
            }
        });
    }

    /** A random database name: {@code keel_t_} and 12 lower-case letters or digits. */
    public static String randomName() {
        StringBuilder name = new StringBuilder("keel_t_");
        for (int i = 0; i < 12; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    private static TestDatabase provision(ServerKind kind) {
        String explicit = System.getenv(kind.urlVariable);
        if (explicit != null && !explicit.isBlank()) {
            Server server = new Server(kind, explicit.strip(), Optional.empty(), Optional.empty(),
                    "from " + kind.urlVariable);
            try {
                return createOn(server);
            } catch (SQLException e) {
                return Assertions.fail(kind.urlVariable + " is set but its server cannot be reached: " + e.getMessage(), e);
            }
        }
        List<String> reasons = new ArrayList<>();
        Server local = new Server(kind, kind.localAdminUrl, Optional.of(kind.localUser), Optional.empty(),
                "local server");
        try {
            return createOn(local);
        } catch (SQLException e) {
            reasons.add(noDriver(e) ? "the JDBC driver " + kind.driver + " is not on the test class path"
                    : "no " + kind.product + " at " + kind.localAdminUrl + " as " + kind.localUser + " ("
                            + e.getMessage() + ")");
        }
        Optional<Server> container = containerServer(kind, reasons);
        if (container.isPresent()) {
            try {
                return createOn(container.get());
            } catch (SQLException e) {
                reasons.add("the " + kind.product + " container did not answer (" + e.getMessage() + ")");
            }
        }
        return unavailable(kind.product + " is not available for tests: " + String.join("; ", reasons)
                + ". Start the local server (shared/TESTING.md) or set " + kind.urlVariable + ".");
    }

    private static boolean noDriver(SQLException e) {
        return e.getMessage() != null && e.getMessage().startsWith("No suitable driver");
    }

    private static Optional<Server> containerServer(ServerKind kind, List<String> reasons) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, DatabaseProvisioning.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            reasons.add("Testcontainers is not on the class path");
            return Optional.empty();
        }
        try {
            return ContainerServers.server(kind, reasons);
        } catch (RuntimeException | LinkageError e) {
            reasons.add("Testcontainers failed: " + e);
            return Optional.empty();
        }
    }

    /**
     * Connects to the server and creates the database. A {@link SQLException} means the server could not be reached;
     * any failure after connecting is an error of its own.
     */
    private static TestDatabase createOn(Server server) throws SQLException {
        String name = randomName();
        try (Connection admin = connect(server)) {
            try {
                server.kind().create(admin, name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create a test database on " + server.kind().product + " ("
                        + server.origin() + "): " + e.getMessage(), e);
            }
        }
        String url = withDatabase(server.adminUrl(), name, server.kind().databaseUrlParameters);
        String where = server.kind().product + " database " + name + " (" + server.origin() + ")";
        return TestDatabase.of(url, server.user(), server.password(), where, () -> drop(server, name));
    }

    private static void drop(Server server, String name) {
        if (!OWN_NAME.matcher(name).matches()) {
            throw new IllegalStateException("refusing to drop " + name + ": not a test database");
        }
        try (Connection admin = connect(server)) {
            server.kind().drop(admin, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the test database " + name + " on " + server.kind().product
                    + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Server server) throws SQLException {
        Properties properties = server.kind().connectProperties();
        server.user().ifPresent(u -> properties.setProperty("user", u));
        server.password().ifPresent(p -> properties.setProperty("password", p));
        return DriverManager.getConnection(server.adminUrl(), properties);
    }

    /**
     * The URL of another database on the same server: the path after {@code host:port/} is replaced, the parameters
     * are kept, and {@code defaults} are added where the URL does not set them.
     */
    static String withDatabase(String adminUrl, String database, String defaults) {
        int query = adminUrl.indexOf('?');
        String head = query < 0 ? adminUrl : adminUrl.substring(0, query);
        int authority = head.indexOf("//");
        if (authority < 0) {
            throw new IllegalArgumentException("expected jdbc:<driver>://host[:port][/database][?params]: " + adminUrl);
        }
        int slash = head.indexOf('/', authority + 2);
        String server = slash < 0 ? head : head.substring(0, slash);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query >= 0) {
            addParameters(parameters, adminUrl.substring(query + 1), true);
        }
        addParameters(parameters, defaults, false);
        StringBuilder url = new StringBuilder(server).append('/').append(database);
        String separator = "?";
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            url.append(separator).append(p.getKey()).append(p.getValue() == null ? "" : "=" + p.getValue());
            separator = "&";
        }
        return url.toString();
    }

    private static void addParameters(Map<String, String> into, String text, boolean replace) {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? null : pair.substring(eq + 1);
            if (replace) {
                into.put(key, value);
            } else {
                into.putIfAbsent(key, value);
            }
        }
    }

    private static TestDatabase unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail("database tests must run in CI: " + reason);
        }
        LOG.log(System.Logger.Level.WARNING, "skipping: " + reason);
        return Assumptions.abort(reason);
    }
}
