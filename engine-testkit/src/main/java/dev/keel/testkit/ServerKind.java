package dev.keel.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * The database servers {@link DatabaseProvisioning} and {@link ThrowawayServer} know: how to reach them and how to
 * create and drop a database. {@link #MYSQL} covers MariaDB, which stands in for MySQL in tests.
 */
public enum ServerKind {

    /** PostgreSQL. */
    POSTGRES("PostgreSQL", "org.postgresql:postgresql", "KEEL_TEST_POSTGRES_URL", "KEEL_TEST_POSTGRES_IMAGE", "postgres:15",
            "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", 5432, "") {
        @Override
        Properties connectProperties() {
            Properties p = new Properties();
            p.setProperty("connectTimeout", "3");
            p.setProperty("loginTimeout", "3");
            p.setProperty("socketTimeout", "60");
            return p;
        }

        @Override
        void create(Connection admin, String name) throws SQLException {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
        }

        @Override
        void drop(Connection admin, String name) throws SQLException {
            try (Statement s = admin.createStatement()) {
                if (admin.getMetaData().getDatabaseMajorVersion() >= 13) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } else {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            }
        }
    },

    /** MySQL, or MariaDB standing in for it. */
    MYSQL("MySQL/MariaDB", "com.mysql:mysql-connector-j", "KEEL_TEST_MYSQL_URL", "KEEL_TEST_MYSQL_IMAGE", "mariadb:10.11",
            "jdbc:mysql://127.0.0.1:3306/", "root", 3306,
            "allowMultiQueries=false&useSSL=false&allowPublicKeyRetrieval=true") {
        @Override
        Properties connectProperties() {
            Properties p = new Properties();
            p.setProperty("connectTimeout", "3000");
            p.setProperty("socketTimeout", "60000");
            p.setProperty("useSSL", "false");
            p.setProperty("allowPublicKeyRetrieval", "true");
            return p;
        }

        @Override
        void create(Connection admin, String name) throws SQLException {
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
            }
        }

        @Override
        void drop(Connection admin, String name) throws SQLException {
            try (Statement s = admin.createStatement()) {
                s.execute("SET SESSION lock_wait_timeout = 20");
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    };

    final String product;
    /** Maven coordinates of the JDBC driver the calling module must bring. */
    final String driver;
    final String urlVariable;
    final String imageVariable;
    final String defaultImage;
    final String localAdminUrl;
    final String localUser;
    final int defaultPort;
    /** Parameters added to every URL handed to a test (unless the configured URL already sets them). */
    final String databaseUrlParameters;

    ServerKind(String product, String driver, String urlVariable, String imageVariable, String defaultImage, String localAdminUrl,
            String localUser, int defaultPort, String databaseUrlParameters) {
        this.product = product;
        this.driver = driver;
        this.urlVariable = urlVariable;
        this.imageVariable = imageVariable;
        this.defaultImage = defaultImage;
        this.localAdminUrl = localAdminUrl;
        this.localUser = localUser;
        this.defaultPort = defaultPort;
        this.databaseUrlParameters = databaseUrlParameters;
    }

    /** Short timeouts, so that an absent server is noticed at once. */
    abstract Properties connectProperties();

    abstract void create(Connection admin, String name) throws SQLException;

    abstract void drop(Connection admin, String name) throws SQLException;

    /** The admin URL of a server on this machine at a port. */
    String adminUrlAt(int port) {
        return localAdminUrl.replace(":" + defaultPort + "/", ":" + port + "/");
    }

    /** A server Keel may create databases on. */
    record Server(ServerKind kind, String adminUrl, Optional<String> user, Optional<String> password, String origin) {
    }
}
