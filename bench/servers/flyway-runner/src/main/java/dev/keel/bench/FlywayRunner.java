package dev.keel.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.license.VersionPrinter;

/**
 * Minimal stand-in for the Flyway CLI's {@code migrate}, used only by the Keel benchmarks (copy of
 * bench/flyway-runner for bench/servers.sh, built with the PostgreSQL and MySQL/MariaDB plugins and drivers).
 *
 * <pre>
 *   java -jar flyway-runner-servers.jar migrate &lt;jdbcUrl&gt; &lt;migrationsDir&gt;
 *   java -jar flyway-runner-servers.jar --version
 * </pre>
 *
 * Flyway's defaults are kept (validateOnMigrate on, one transaction per migration,
 * flyway_schema_history table). Logging goes to slf4j-nop; one summary line is printed.
 */
public final class FlywayRunner {

    private FlywayRunner() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "version".equals(args[0]))) {
            System.out.println("Flyway " + VersionPrinter.getVersion());
            return;
        }
        if (args.length != 3 || !"migrate".equals(args[0])) {
            System.err.println("usage: java -jar flyway-runner-servers.jar migrate <jdbcUrl> <migrationsDir>");
            System.err.println("       java -jar flyway-runner-servers.jar --version");
            System.exit(2);
            return;
        }
        String url = args[1];
        String dir = args[2];
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("filesystem:" + dir)
                    .load()
                    .migrate();
            System.out.println("Successfully applied " + result.migrationsExecuted + " migration(s)"
                    + (result.targetSchemaVersion != null ? ", now at version v" + result.targetSchemaVersion : "")
                    + (result.migrationsExecuted == 0 ? " (schema is up to date)" : ""));
        } catch (RuntimeException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }
}
