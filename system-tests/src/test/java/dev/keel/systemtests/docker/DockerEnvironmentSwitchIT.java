package dev.keel.systemtests.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.spi.session.Row;
import dev.keel.systemtests.DatabaseProbe;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Migrations;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import dev.keel.testkit.ThrowawayServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 4: one keel.yaml whose environments choose the snapshot strategy by configuration only —
 * {@code development: docker}, {@code ci: filecopy}, {@code production: none} — and the same migrations run under each
 * with the same command ({@code keel migrate}, only {@code KEEL_ENV} differs). Each environment has its own database,
 * as it would in real life: development a MariaDB container (docker strategy, its data in a named volume); ci a
 * MariaDB server of the test's own that runs as a plain process (filecopy stops it, copies its data directory and
 * starts it; filecopy cannot stop a server inside a container by itself, so ci gets a server as CI machines run it);
 * production a database on the machine's MariaDB (no snapshot). Migration 3 fails at its third DDL statement: in
 * development and ci the snapshot is restored (exit 1), in production the run stops as partial (exit 6).
 */
class DockerEnvironmentSwitchIT {

    @TempDir
    Path dir;

    private DockerDatabase development;
    private ThrowawayServer ciServer;
    private TestDatabase production;

    @AfterEach
    void tearDown() {
        KeelProcess.killLeftovers();
        if (development != null) {
            development.close();
        }
        if (ciServer != null) {
            ciServer.close();
        }
        if (production != null) {
            production.close();
        }
    }

    @Test
    void theSameMigrationsUnderDockerFilecopyAndNone() {
        development = DockerDatabase.withVolume();
        ciServer = ThrowawayServer.mariadb();
        ciServer.createDatabase("app");
        production = DatabaseProvisioning.mysql();
        String productionUrl = production.url() + (production.url().contains("?") ? "&" : "?") + "user="
                + production.user().orElse("root") + production.password().map(p -> "&password=" + p).orElse("");

        DockerProject project = new DockerProject(dir.resolve("project"));
        project.config("""
                migrations: [db/migrations]
                environments:
                  development:
                    url: %s
                    snapshot:
                      strategy: docker
                      options:
                        container: %s
                  ci:
                    url: "%s"
                    snapshot: filecopy
                  production:
                    url: "%s"
                    snapshot: none
                    confirmAt: high
                """.formatted(development.yamlUrl(), development.name(), ciServer.jdbcUrl("app"), productionUrl));

        project.migration(Migrations.V1, Migrations.V1_SQL);
        for (String environment : List.of("development", "ci", "production")) {
            KeelRun setup = project.keel(environment, "migrate", "--snapshot", "none");
            assertEquals(0, setup.exitCode(), () -> environment + "\n" + setup);
        }
        String developmentBefore = development.state();
        List<String> ciBefore = rows(ciServer.jdbcUrl("app"));

        project.migration(Migrations.V2, Migrations.V2_SQL);
        project.migration(Migrations.V3, Migrations.V3_MYSQL_FAILING);

        assertPlanned(project, "development", "snapshot", "docker");
        assertPlanned(project, "ci", "snapshot", "filecopy");
        assertPlanned(project, "production", "unprotected", null);

        KeelRun dev = project.keel("development", "migrate");
        assertEquals(1, dev.exitCode(), dev::toString);
        assertTrue(dev.output().contains("restored"), dev::toString);
        assertEquals(developmentBefore, development.state(), "development: the docker snapshot was restored");

        // ci and production ask for confirmation from medium risk (V2 updates rows): these runs mean to apply it.
        KeelRun ci = project.keel("ci", "migrate", "--yes");
        assertEquals(1, ci.exitCode(), ci::toString);
        assertTrue(ci.output().contains("restored"), ci::toString);
        assertEquals(ciBefore, rows(ciServer.jdbcUrl("app")), "ci: the filecopy snapshot was restored");

        KeelRun prod = project.keel("production", "migrate", "--yes");
        assertEquals(6, prod.exitCode(), () -> "production takes no snapshot: partial, manual steps\n" + prod);
        try (DatabaseProbe probe = DatabaseProbe.mysql(production)) {
            assertEquals(List.of("1=success 2/2", "2=success 3/3", "3=partial 2/4"), probe.history());
        }

        // Which strategy each environment's snapshots used, from the audit log.
        for (String[] expected : new String[][] {{"development", "docker"}, {"ci", "filecopy"}}) {
            assertTrue(project.audit("snapshot").stream().anyMatch(e -> expected[0].equals(e.path("environment").asText())
                    && expected[1].equals(e.path("strategy").asText()) && "taken".equals(e.path("outcome").asText())),
                    () -> project.audit().toString());
        }
        assertTrue(project.audit("snapshot").stream().noneMatch(e -> "production".equals(e.path("environment").asText())),
                () -> project.audit().toString());
    }

    private static void assertPlanned(DockerProject project, String environment, String kind, String strategy) {
        KeelRun plan = project.keel(environment, "plan", "--json");
        assertEquals(0, plan.exitCode(), plan::toString);
        JsonNode protection = plan.json().path("protection");
        assertEquals(kind, protection.path("kind").asText(), () -> environment + "\n" + plan);
        if (strategy != null) {
            assertEquals(strategy, protection.path("strategy").asText(), () -> environment + "\n" + plan);
        }
    }

    /** Every table's rows, history included, and the tables themselves, in database {@code app} of a server. */
    private static List<String> rows(String url) {
        TestDatabase db = TestDatabase.of(url, Optional.empty(), Optional.empty(), url, () -> { });
        try (DatabaseProbe probe = DatabaseProbe.mysql(db)) {
            List<String> out = new java.util.ArrayList<>();
            out.add(probe.fingerprint().canonicalText());
            for (Row t : probe.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                String table = t.text("t").orElseThrow();
                probe.query("SELECT * FROM `" + table + "`").stream().map(r -> table + " " + r.values())
                        .sorted().forEach(out::add);
            }
            return out;
        }
    }
}
