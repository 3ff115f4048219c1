package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.spi.event.KeelEvent;
import dev.keel.spi.event.MigrationApplied;
import dev.keel.spi.migration.AppliedStep;
import dev.keel.spi.migration.MigrationReport;
import dev.keel.spi.migration.StatusReport;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * SPEC §11: the embedding API works from a plain Java program that has only the engine jars on its class path,
 * with a {@link DataSource} instead of a URL, and with {@code classpath:} migrations from folders and jars.
 */
class EmbeddingIT {

    /** Class path entries of the test run that an application embedding Keel would not have. */
    private static final Pattern TEST_ONLY = Pattern.compile(
            "(junit-.*|keel-engine-testkit-.*|opentest4j-.*|apiguardian-.*|surefire.*|failsafe.*|maven-surefire.*|maven-failsafe.*"
                    + "|common-java5.*|common-junit.*|test-classes)");

    @TempDir
    Path dir;

    @Test
    void aPlainJavaProgramWithOnlyTheEngineJarsMigratesAndReadsStatus() throws Exception {
        List<String> classpath = engineClasspath();
        Path source = dir.resolve("src/EmbeddedApp.java");
        Files.createDirectories(source.getParent());
        try (InputStream in = EmbeddingIT.class.getResourceAsStream("/embedding/EmbeddedApp.java")) {
            assertNotNull(in, "test resource embedding/EmbeddedApp.java");
            Files.write(source, in.readAllBytes());
        }
        Path classes = compile(List.of(source), classpath, dir.resolve("app-classes"));

        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_create_customers.sql"),
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                        + "INSERT INTO customers (name) VALUES ('Ada'), ('Grace');\n");
        Files.writeString(migrations.resolve("0002_create_orders.sql"),
                "-- === UP MIGRATION ===\n"
                        + "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id));\n"
                        + "-- === DOWN MIGRATION ===\nDROP TABLE orders;\n");
        Files.writeString(migrations.resolve("V3__index_orders.sql"),
                "CREATE INDEX orders_customer ON orders (customer_id);\n");
        Path db = dir.resolve("embedded.db");

        List<String> runClasspath = new ArrayList<>();
        runClasspath.add(classes.toString());
        runClasspath.addAll(classpath);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, runClasspath),
                "EmbeddedApp", db.toString(), migrations.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.out").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KEEL_"));
        Process app = builder.start();
        if (!app.waitFor(3, TimeUnit.MINUTES)) {
            app.destroyForcibly();
            fail("the embedded program did not finish; output so far:\n" + Files.readString(dir.resolve("app.out")));
        }
        String output = Files.readString(dir.resolve("app.out"), StandardCharsets.UTF_8);
        String context = "class path:\n  " + String.join("\n  ", runClasspath) + "\noutput:\n" + output;
        System.out.println("EmbeddingIT: the embedded program ran with\n" + context);
        assertEquals(0, app.exitValue(), context);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("applied=3"), context);
        assertTrue(lines.contains("migrationAppliedEvents=3"), context);
        int events = Integer.parseInt(lines.stream().filter(l -> l.startsWith("events=")).findFirst()
                .orElseThrow(() -> new AssertionError("no events line; " + context)).substring("events=".length()));
        assertTrue(events >= 5, "run started, three migrations applied and run finished at least; " + context);
        assertTrue(lines.contains("current=3"), context);
        assertTrue(lines.contains("pending=0"), context);
        assertTrue(lines.contains("problems=0"), context);
        assertTrue(lines.contains("inProgress=false"), context);
        assertTrue(lines.contains("again=0"), context);
        assertTrue(lines.contains("junitVisible=false"), "test libraries were removed from the class path; " + context);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(Set.of("customers", "orders", "keel_schema_history"), userTables(c), context);
            assertEquals(2, count(c, "SELECT count(*) FROM customers"));
            assertEquals(1, count(c, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'orders_customer'"));
            assertEquals(3, count(c, "SELECT count(*) FROM keel_schema_history WHERE status = 'success'"));
        }
    }

    @Test
    void aDataSourceCanBePassedInsteadOfAUrlAndIsNotClosed() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_create_items.sql"),
                "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nINSERT INTO items (name) VALUES ('a');\n");
        Files.writeString(migrations.resolve("0002_more_items.sql"), "INSERT INTO items (name) VALUES ('b'), ('c');\n");
        Path db = dir.resolve("ds.db");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + db);
        TrackingDataSource ds = new TrackingDataSource(sqlite);

        List<KeelEvent> events = new ArrayList<>();
        MigrationReport report;
        StatusReport status;
        try (Keel keel = isolated(Keel.configure().dataSource(ds).migrations(migrations.toString()))
                .listener(events::add)
                .build()) {
            report = keel.migrate();
            status = keel.status();
        }
        assertEquals(List.of("0001", "0002"), versions(report));
        assertEquals(2, events.stream().filter(MigrationApplied.class::isInstance).count(), events.toString());
        assertEquals(0, status.pendingCount());
        assertTrue(status.problems().isEmpty(), status.problems().toString());

        assertFalse(ds.closed, "Keel must not close a DataSource it was given");
        assertTrue(ds.opened.get() > 0, "Keel took its connections from the DataSource");
        assertEquals(ds.opened.get(), ds.closedConnections.get(), "Keel closed every connection it took");
        try (Connection c = ds.getConnection()) {
            assertEquals(3, count(c, "SELECT count(*) FROM items"), "the DataSource still works after Keel is closed");
            assertEquals(2, count(c, "SELECT count(*) FROM keel_schema_history WHERE status = 'success'"));
        }
    }

    @Test
    void classpathMigrationsFromATestResourceFolder() throws Exception {
        Path db = dir.resolve("cp.db");
        MigrationReport report;
        try (Keel keel = isolated(Keel.configure().url("jdbc:sqlite:" + db).migrations("classpath:embedding/db/migrations"))
                .build()) {
            report = keel.migrate();
            assertEquals(0, keel.status().pendingCount());
        }
        assertEquals(List.of("0001", "0002"), versions(report));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(2, count(c, "SELECT count(*) FROM books"));
            assertEquals(1, count(c, "SELECT count(*) FROM authors"));
            assertEquals(2, count(c, "SELECT count(*) FROM keel_schema_history WHERE status = 'success'"));
        }
    }

    @Test
    void classpathMigrationsFromAJarOnAnotherClassLoader() throws Exception {
        Path jar = dir.resolve("migrations.jar");
        writeJar(jar, true, Map.of(
                "db/jarred/0001_x.sql", "CREATE TABLE x (id INTEGER PRIMARY KEY);\nINSERT INTO x (id) VALUES (1), (2);\n",
                "db/jarred/0002_y.sql", "CREATE TABLE y (id INTEGER PRIMARY KEY);\n",
                "db/other/0001_not_mine.sql", "CREATE TABLE not_mine (id INTEGER);\n"));
        assertJarMigrationsApply(jar);
    }

    /** A jar written without directory entries (as some build tools do) is still a jar of migrations. */
    @Test
    void classpathMigrationsFromAJarWithoutDirectoryEntries() throws Exception {
        Path jar = dir.resolve("migrations-no-dirs.jar");
        writeJar(jar, false, Map.of(
                "db/jarred/0001_x.sql", "CREATE TABLE x (id INTEGER PRIMARY KEY);\nINSERT INTO x (id) VALUES (1), (2);\n",
                "db/jarred/0002_y.sql", "CREATE TABLE y (id INTEGER PRIMARY KEY);\n",
                "db/other/0001_not_mine.sql", "CREATE TABLE not_mine (id INTEGER);\n"));
        assertJarMigrationsApply(jar);
    }

    private void assertJarMigrationsApply(Path jar) throws Exception {
        Path db = dir.resolve("jar.db");
        MigrationReport report;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, EmbeddingIT.class.getClassLoader());
                Keel keel = isolated(Keel.configure().url("jdbc:sqlite:" + db).classLoader(loader)
                        .migrations("classpath:db/jarred")).build()) {
            report = keel.migrate();
            assertEquals(0, keel.status().pendingCount());
        }
        assertEquals(List.of("0001", "0002"), versions(report));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(Set.of("x", "y", "keel_schema_history"), userTables(c));
            assertEquals(2, count(c, "SELECT count(*) FROM x"));
        }
    }

    // --- shared with PluginLoadingIT -----------------------------------------------------------

    /**
     * The test JVM's class path without test libraries: Keel's modules (target/classes folders or keel-*.jar)
     * and their third-party runtime dependencies, which is what an application embedding Keel has.
     */
    static List<String> engineClasspath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            String name = path.getFileName() == null ? entry : path.getFileName().toString();
            if (!TEST_ONLY.matcher(name).matches()) {
                kept.add(path.toAbsolutePath().toString());
            }
        }
        String all = String.join("\n", kept);
        for (String module : List.of("engine-core", "engine-jdbc", "engine-bootstrap", "dialect-sqlite")) {
            assertTrue(kept.stream().anyMatch(e -> e.contains("keel-" + module) || e.contains(module + File.separator + "target")),
                    "Keel module " + module + " is on the class path:\n" + all);
        }
        assertTrue(kept.stream().anyMatch(e -> e.contains("sqlite-jdbc")), "sqlite-jdbc is on the class path:\n" + all);
        assertTrue(kept.stream().noneMatch(e -> e.contains("junit")), "no JUnit left:\n" + all);
        return kept;
    }

    /** Compiles Java sources against the class path with the JDK's compiler; returns the output folder. */
    static Path compile(List<Path> sources, List<String> classpath, Path output) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK (javax.tools compiler), not a JRE");
        Files.createDirectories(output);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-proc:none",
                "-classpath", String.join(File.pathSeparator, classpath), "-d", output.toString()));
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, rc, () -> "compilation failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return output;
    }

    /** Writes a jar of text entries; with {@code directories}, also the folder entries a jar tool writes. */
    static void writeJar(Path jar, boolean directories, Map<String, String> entries) throws IOException {
        writeJarBytes(jar, directories, entries.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))));
    }

    static void writeJarBytes(Path jar, boolean directories, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Set<String> written = new TreeSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String name : new TreeSet<>(entries.keySet())) {
                if (directories) {
                    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                        String folder = name.substring(0, slash + 1);
                        if (written.add(folder)) {
                            out.putNextEntry(new JarEntry(folder));
                            out.closeEntry();
                        }
                    }
                }
                out.putNextEntry(new JarEntry(name));
                out.write(entries.get(name));
                out.closeEntry();
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Keeps Keel's local files and plugin lookup inside the test's folder, whatever the working directory. */
    private KeelBuilder isolated(KeelBuilder builder) {
        return builder.workingDirectory(dir).workDirectory(dir.resolve(".keel")).pluginsDirectory(dir.resolve("no-plugins"))
                .dockerMarker(dir.resolve("no-dockerenv")).environment("development");
    }

    private static List<String> versions(MigrationReport report) {
        return report.applied().stream().map(AppliedStep::version).map(v -> v.text()).toList();
    }

    private static Set<String> userTables(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    /** A DataSource that records whether it was closed and whether every connection taken from it was closed. */
    private static final class TrackingDataSource implements DataSource, AutoCloseable {
        private final DataSource delegate;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closedConnections = new AtomicInteger();
        volatile boolean closed;

        TrackingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return track(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return track(delegate.getConnection(username, password));
        }

        private Connection track(Connection connection) {
            opened.incrementAndGet();
            boolean[] done = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0 && !done[0]) {
                            done[0] = true;
                            closedConnections.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || delegate.isWrapperFor(iface);
        }
    }
}
