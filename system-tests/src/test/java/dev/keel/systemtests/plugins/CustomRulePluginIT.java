package dev.keel.systemtests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.systemtests.KeelProcess;
import dev.keel.systemtests.KeelRun;
import dev.keel.systemtests.Repository;
import dev.keel.testkit.DatabaseProvisioning;
import dev.keel.testkit.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 6, with the packaged CLI: the example rule plugin of {@code examples/custom-rule}, built by its
 * own pom earlier in this build (the {@code examples} module), fires through {@code keel} when dropped into a
 * project's {@code plugins/} folder and when put on the class path; a second plugin jar whose rule reuses the
 * example's rule id is refused with KEEL-E0705 naming both jars and the id.
 */
class CustomRulePluginIT {

    private static final String RULE_ID = "example-table-comment";
    private static final String PLUGIN_JAR = "examples/target/it/custom-rule/target/table-comment-rule.jar";

    private static Path examplePlugin;

    @TempDir
    Path project;

    @BeforeAll
    static void locateTheExamplePlugin() {
        examplePlugin = Repository.root().resolve(PLUGIN_JAR);
        if (!Files.isRegularFile(examplePlugin)) {
            fail("The example plugin " + examplePlugin + " is missing. The examples module builds it at package time,"
                    + " before this module in the reactor: run 'mvn -B verify' at the repository root, or"
                    + " 'mvn -B install -DskipTests' first when running only this module.");
        }
    }

    /** Two PostgreSQL migrations: the first creates a table without a comment, the second comments its table. */
    @BeforeEach
    void writeMigrations() throws IOException {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("V2__create_invoices.sql"), """
                CREATE TABLE invoices (id bigint PRIMARY KEY);
                COMMENT ON TABLE invoices IS 'Bills sent to accounts';
                """);
    }

    @Test
    void lintReportsTheUncommentedTableOnceThePluginIsInThePluginsFolder() throws IOException {
        KeelRun before = KeelProcess.run(project, lintJson());
        assertEquals(0, before.exitCode(), before::toString);
        assertEquals(List.of(), pluginFindings(before.json().path("findings")), "no plugin, no finding");

        installPlugin(examplePlugin);
        KeelRun json = KeelProcess.run(project, lintJson());
        assertEquals(0, json.exitCode(), () -> "a warning does not fail lint: " + json);
        List<JsonNode> findings = pluginFindings(json.json().path("findings"));
        assertEquals(1, findings.size(), json::toString);
        assertTrue(findings.get(0).path("file").asText().endsWith("V1__create_accounts.sql"), json::toString);
        assertEquals(1, findings.get(0).path("line").asInt());
        assertEquals("warning", findings.get(0).path("severity").asText());
        assertTrue(findings.get(0).path("remediation").asText().contains("COMMENT ON TABLE accounts"), json::toString);

        KeelRun text = KeelProcess.run(project, List.of("lint", "--dialect", "postgres", "--migrations", "migrations",
                "--no-color"));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().contains("V1__create_accounts.sql:1:1: warning: Table accounts is created without a comment"),
                text::toString);
        assertTrue(text.stdout().contains("[" + RULE_ID + "]"), text::toString);
    }

    @Test
    void onTheClassPathThePluginFiresAsFromThePluginsFolder() {
        KeelRun run = KeelProcess.runOnClasspath(project, List.of(examplePlugin), lintJson());

        assertEquals(0, run.exitCode(), run::toString);
        List<JsonNode> findings = pluginFindings(run.json().path("findings"));
        assertEquals(1, findings.size(), run::toString);
        assertTrue(findings.get(0).path("file").asText().endsWith("V1__create_accounts.sql"), run::toString);
    }

    @Test
    void aSecondJarWhoseRuleReusesTheIdIsRefusedNamingBothJarsAndTheId() throws IOException, URISyntaxException {
        installPlugin(examplePlugin);
        Path sources = Path.of(getClass().getResource("/plugins/shadowing-rule").toURI());
        Path build = Files.createDirectories(project.resolve("build"));
        installPlugin(PluginSources.jar(sources, KeelProcess.builtJar(), build.resolve("shadowing-rule.jar")));

        KeelRun json = KeelProcess.run(project, List.of("lint", "--dialect", "postgres", "--migrations", "migrations",
                "--json"));
        assertEquals(2, json.exitCode(), json::toString);
        JsonNode problem = json.problems().get(0);
        assertEquals("KEEL-E0705", problem.path("code").asText(), json::toString);
        String what = problem.path("what").asText();
        assertTrue(what.contains("'" + RULE_ID + "'"), what);
        assertTrue(what.contains("table-comment-rule.jar"), what);
        assertTrue(what.contains("shadowing-rule.jar"), what);

        KeelRun text = KeelProcess.run(project, List.of("lint", "--dialect", "postgres", "--migrations", "migrations"));
        assertEquals(2, text.exitCode(), text::toString);
        assertTrue(text.stderr().contains("KEEL-E0705"), text::toString);
    }

    @Test
    void planDryRunAndMigrateOnPostgresqlReportTheFinding() throws IOException {
        installPlugin(examplePlugin);
        try (TestDatabase database = DatabaseProvisioning.postgres()) {
            KeelRun plan = KeelProcess.run(project, connected(database, "plan", "--json"));
            assertEquals(0, plan.exitCode(), plan::toString);
            KeelRun dryRun = KeelProcess.run(project, connected(database, "migrate", "--dry-run", "--json"));
            assertEquals(0, dryRun.exitCode(), dryRun::toString);

            List<JsonNode> planned = pluginFindings(plan.json());
            assertEquals(1, planned.size(), plan::toString);
            assertTrue(planned.get(0).path("file").asText().endsWith("V1__create_accounts.sql"), plan::toString);
            assertEquals("warning", planned.get(0).path("severity").asText(), plan::toString);
            assertEquals(1, pluginFindings(plan.json().path("migrations").get(0)).size(), "under migration 1: " + plan);
            assertEquals(1, pluginFindings(dryRun.json()).size(), dryRun::toString);

            KeelRun text = KeelProcess.run(project, connected(database, "plan", "--no-color"));
            assertTrue(text.stdout().contains("V1__create_accounts.sql:1:1: warning: Table accounts is created without a"
                    + " comment"), text::toString);

            // A warning neither stops the run nor, at low risk, asks for a confirmation.
            KeelRun migrate = KeelProcess.run(project, connected(database, "migrate", "--json"));
            assertEquals(0, migrate.exitCode(), migrate::toString);
            assertEquals(List.of("1", "2"), migrate.appliedVersions(), migrate::toString);
            assertEquals(1, pluginFindings(migrate.json()).size(), migrate::toString);
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private static List<String> lintJson() {
        return List.of("lint", "--dialect", "postgres", "--migrations", "migrations", "--format", "json");
    }

    private List<String> connected(TestDatabase database, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(KeelProcess.target(database, project.resolve("migrations")));
        return args;
    }

    private void installPlugin(Path jar) throws IOException {
        Path plugins = Files.createDirectories(project.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
    }

    /** The plugin rule's findings anywhere below {@code node} (the lint array, or a plan's per-migration arrays). */
    private static List<JsonNode> pluginFindings(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode findings : node.isArray() ? List.of(node) : node.findValues("findings")) {
            StreamSupport.stream(findings.spliterator(), false)
                    .filter(f -> RULE_ID.equals(f.path("ruleId").asText()))
                    .forEach(found::add);
        }
        return found;
    }
}
