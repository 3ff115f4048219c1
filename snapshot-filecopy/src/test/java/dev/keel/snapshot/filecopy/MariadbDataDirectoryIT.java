package dev.keel.snapshot.filecopy;

import dev.keel.testkit.ThrowawayServer;
import java.util.List;

/** The data-directory strategy on a throwaway MariaDB server (standing in for MySQL). */
class MariadbDataDirectoryIT extends DataDirectoryContract {

    @Override
    protected ThrowawayServer startServer() {
        return ThrowawayServer.mariadb();
    }

    @Override
    protected String dialectId() {
        return "mysql";
    }

    @Override
    protected String product() {
        return "MariaDB";
    }

    @Override
    protected List<String> setUp() {
        return List.of(
                "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200)) "
                        + "ENGINE=InnoDB",
                "CREATE INDEX customer_email ON customer (email)",
                "INSERT INTO customer SELECT seq, CONCAT('n', seq), CONCAT('e', seq, '@example.com') FROM seq_1_to_300",
                "CREATE TABLE tag (name VARCHAR(20) PRIMARY KEY) ENGINE=Aria",
                "INSERT INTO tag VALUES ('a'), ('b')");
    }

    @Override
    protected List<String> change() {
        return List.of(
                "ALTER TABLE customer ADD COLUMN IF NOT EXISTS vip BOOLEAN DEFAULT false",
                "UPDATE customer SET name = 'changed' WHERE id < 100",
                "DELETE FROM customer WHERE id > 250",
                "CREATE TABLE IF NOT EXISTS invoice (id INT PRIMARY KEY, customer_id INT, "
                        + "FOREIGN KEY (customer_id) REFERENCES customer (id)) ENGINE=InnoDB",
                "DROP INDEX IF EXISTS customer_email ON customer",
                "DELETE FROM tag WHERE name = 'a'");
    }

    @Override
    protected List<String> schemaQueries() {
        return List.of(
                "SELECT table_name, column_name, column_type, is_nullable, column_default FROM information_schema.columns "
                        + "WHERE table_schema = 'app' ORDER BY 1, 2",
                "SELECT table_name, index_name, column_name, seq_in_index FROM information_schema.statistics "
                        + "WHERE table_schema = 'app' ORDER BY 1, 2, 4");
    }

    @Override
    protected List<String> stopCommand() {
        return List.of("mariadb-admin", "--no-defaults", "--protocol=tcp", "--host=127.0.0.1",
                "--port=" + server.port(), "--user=root", "shutdown");
    }

    @Override
    protected List<String> startCommand() {
        // How the server runs now, as a user would write it down.
        return LinuxProcess.commandLine(server.pid().orElseThrow()).orElseThrow();
    }
}
