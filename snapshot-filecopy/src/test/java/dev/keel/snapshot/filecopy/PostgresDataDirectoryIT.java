package dev.keel.snapshot.filecopy;

import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data-directory strategy on a throwaway PostgreSQL server (as root, the server runs as {@code postgres}). */
class PostgresDataDirectoryIT extends DataDirectoryContract {

    @Override
    protected ThrowawayServer startServer() {
        return ThrowawayServer.postgres();
    }

    @Override
    protected String dialectId() {
        return "postgres";
    }

    @Override
    protected String product() {
        return "PostgreSQL";
    }

    @Override
    protected List<String> setUp() {
        return List.of(
                "CREATE TABLE customer (id INT PRIMARY KEY, name TEXT NOT NULL, email TEXT)",
                "CREATE INDEX customer_email ON customer (email)",
                "INSERT INTO customer SELECT g, 'n' || g, 'e' || g || '@example.com' FROM generate_series(1, 300) g",
                "CREATE VIEW customer_names AS SELECT name FROM customer");
    }

    @Override
    protected List<String> change() {
        return List.of(
                "ALTER TABLE customer ADD COLUMN IF NOT EXISTS vip BOOLEAN DEFAULT false",
                "UPDATE customer SET name = 'changed' WHERE id < 100",
                "DELETE FROM customer WHERE id > 250",
                "CREATE TABLE IF NOT EXISTS invoice (id INT PRIMARY KEY, customer_id INT REFERENCES customer (id))",
                "DROP INDEX IF EXISTS customer_email");
    }

    @Override
    protected List<String> schemaQueries() {
        return List.of(
                "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns "
                        + "WHERE table_schema = 'public' ORDER BY 1, 2",
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
                "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public' "
                        + "ORDER BY 1");
    }

    @Override
    protected List<String> stopCommand() {
        return asPostgres(List.of(pgCtl(), "stop", "-D", server.dataDirectory().toString(), "-m", "fast", "-w"));
    }

    @Override
    protected List<String> startCommand() {
        return asPostgres(List.of(pgCtl(), "start", "-D", server.dataDirectory().toString(), "-w", "-l",
                server.dataDirectory().resolveSibling("pg_ctl.log").toString()));
    }

    private String pgCtl() {
        try {
            Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(server.pid().orElseThrow()), "exe"));
            return exe.resolveSibling("pg_ctl").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> asPostgres(List<String> command) {
        if (!LinuxProcess.isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
