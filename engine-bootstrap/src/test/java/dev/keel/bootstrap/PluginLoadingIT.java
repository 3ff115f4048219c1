package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ExitClass;
import dev.keel.spi.KeelException;
import dev.keel.spi.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5 "rules are plugins": rule provider jars built at test time (compiled against the engine class path,
 * listed in {@code META-INF/services}) are found in the plugins directory; broken plugin folders fail the
 * build of {@link Keel} with coded problems that name the jars.
 */
class PluginLoadingIT {

    private static final String SERVICE_FILE = "META-INF/services/dev.keel.spi.rule.RuleProvider";
    private static final Pattern PLUGIN_COUNTS = Pattern.compile("(\\d+) rule providers, .*?(\\d+) plugin jars");

    @TempDir
    Path dir;

    @Test
    void aGoodPluginJarInThePluginsDirectoryIsDiscovered() throws Exception {
        int[] before = pluginCounts(doctorPlugins(dir.resolve("empty-plugins-folder")));
        assertEquals(0, before[1], "no plugin jar without a plugins folder");

        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("acme-rules.jar"), "AcmeRules", "acme-table-comments", true);
        String detail = doctorPlugins(plugins);
        int[] after = pluginCounts(detail);
        assertEquals(before[0] + 1, after[0], "one more rule provider: " + detail);
        assertEquals(1, after[1], "one plugin jar: " + detail);
    }

    @Test
    void aJarWithoutAServicesFileIsRejectedByName() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("acme-good.jar"), "GoodRules", "acme-good", true);
        pluginJar(plugins.resolve("forgot-services.jar"), "ForgotRules", "acme-forgot", false);

        KeelException e = assertThrows(KeelException.class, () -> build(plugins));
        assertEquals("KEEL-E0702", e.code().code(), e.getMessage());
        assertEquals(ExitClass.USAGE, e.exitClass());
        assertEquals(1, e.problems().size(), "only the jar without a services file is a problem: " + e.getMessage());
        Problem problem = e.problems().get(0);
        assertTrue(problem.what().contains("forgot-services.jar"), problem.summary());
        assertTrue(problem.where().map(w -> w.file().contains("forgot-services.jar")).orElse(false), problem.summary());
        assertTrue(problem.fix().contains("META-INF/services"), problem.fix());
    }

    @Test
    void twoJarsProvidingTheSameIdAreRejectedNamingBoth() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("first-plugin.jar"), "FirstRules", "acme-duplicate", true);
        pluginJar(plugins.resolve("second-plugin.jar"), "SecondRules", "acme-duplicate", true);

        KeelException e = assertThrows(KeelException.class, () -> build(plugins));
        assertEquals("KEEL-E0701", e.code().code(), e.getMessage());
        assertEquals(ExitClass.USAGE, e.exitClass());
        Problem problem = e.problems().get(0);
        assertTrue(problem.what().contains("acme-duplicate"), problem.summary());
        assertTrue(problem.what().contains("first-plugin.jar"), problem.summary());
        assertTrue(problem.what().contains("second-plugin.jar"), problem.summary());
    }

    @Test
    void twoJarsWhoseProvidersDefineTheSameRuleIdAreRejectedNamingBothJarsAndTheId() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("first-rules.jar"), "FirstRules", "acme-first", true, "acme-table-comment");
        pluginJar(plugins.resolve("second-rules.jar"), "SecondRules", "acme-second", true, "acme-table-comment");

        KeelException e = assertThrows(KeelException.class, () -> build(plugins));
        assertEquals("KEEL-E0705", e.code().code(), e.getMessage());
        assertEquals(ExitClass.USAGE, e.exitClass());
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertTrue(problem.what().contains("'acme-table-comment'"), problem.summary());
        assertTrue(problem.what().contains("first-rules.jar"), problem.summary());
        assertTrue(problem.what().contains("second-rules.jar"), problem.summary());
        assertTrue(problem.what().contains("'acme-first'") && problem.what().contains("'acme-second'"), problem.summary());
    }

    @Test
    void aPluginRuleMayNotReuseTheIdOfABuiltInRule() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("shadowing.jar"), "ShadowingRules", "acme-shadow", true, "drop-table");

        KeelException e = assertThrows(KeelException.class, () -> build(plugins));
        assertEquals("KEEL-E0705", e.code().code(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertTrue(problem.what().contains("'drop-table'"), problem.summary());
        assertTrue(problem.what().contains("'keel-builtin'"), problem.summary());
        assertTrue(problem.what().contains("shadowing.jar"), problem.summary());
    }

    @Test
    void pluginRulesWithTheirOwnIdsLoad() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("first-rules.jar"), "FirstRules", "acme-first", true, "acme-one");
        pluginJar(plugins.resolve("second-rules.jar"), "SecondRules", "acme-second", true, "acme-two");

        assertEquals(2, pluginCounts(doctorPlugins(plugins))[1]);
    }

    @Test
    void aThirdPartyProviderMayNotUseAReservedKeelId() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        pluginJar(plugins.resolve("impostor.jar"), "ImpostorRules", "keel-foo", true);

        KeelException e = assertThrows(KeelException.class, () -> build(plugins));
        assertEquals("KEEL-E0703", e.code().code(), e.getMessage());
        assertEquals(ExitClass.USAGE, e.exitClass());
        Problem problem = e.problems().get(0);
        assertTrue(problem.what().contains("keel-foo"), problem.summary());
        assertTrue(problem.what().contains("impostor.jar"), problem.summary());
    }

    // --- helpers -----------------------------------------------------------------------------

    private KeelBuilder configured(Path plugins) {
        return Keel.configure()
                .url("jdbc:sqlite:" + dir.resolve("plugins-test.db"))
                .migrations(dir.resolve("migrations").toString())
                .workingDirectory(dir)
                .workDirectory(dir.resolve(".keel"))
                .dockerMarker(dir.resolve("no-dockerenv"))
                .environment("development")
                .pluginsDirectory(plugins);
    }

    private void build(Path plugins) {
        try (Keel keel = configured(plugins).build()) {
            keel.environment();
        }
    }

    /** The detail of doctor's "plugins" check. */
    private String doctorPlugins(Path plugins) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        try (Keel keel = configured(plugins).build()) {
            DoctorReport report = keel.doctor();
            DoctorCheck check = report.checks().stream().filter(c -> c.name().equals("plugins")).findFirst()
                    .orElseThrow(() -> new AssertionError("doctor has no plugins check: " + report));
            assertEquals(DoctorCheck.Outcome.OK, check.outcome(), check.detail());
            return check.detail();
        }
    }

    /** {rule providers, plugin jars} from the doctor detail. */
    private static int[] pluginCounts(String detail) {
        Matcher m = PLUGIN_COUNTS.matcher(detail);
        assertTrue(m.find(), "doctor's plugins detail counts rule providers and plugin jars: " + detail);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /**
     * Compiles a RuleProvider with the given id, listing one do-nothing rule per given rule id, against the engine
     * class path and packs it as a plugin jar.
     */
    private void pluginJar(Path jar, String simpleName, String id, boolean servicesFile, String... ruleIds)
            throws IOException {
        Path work = Files.createDirectories(dir.resolve("build-" + simpleName));
        Path source = work.resolve("src/com/acme/keel/" + simpleName + ".java");
        Files.createDirectories(source.getParent());
        StringBuilder rules = new StringBuilder();
        for (String ruleId : ruleIds) {
            rules.append(rules.isEmpty() ? "" : ", ").append("rule(\"").append(ruleId).append("\")");
        }
        Files.writeString(source, "package com.acme.keel;\n\n"
                + "import dev.keel.spi.Risk;\n"
                + "import dev.keel.spi.rule.*;\n"
                + "import java.util.List;\n\n"
                + "public final class " + simpleName + " implements RuleProvider {\n"
                + "    @Override\n"
                + "    public String id() {\n"
                + "        return \"" + id + "\";\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public List<Rule> rules() {\n"
                + "        return List.of(" + rules + ");\n"
                + "    }\n\n"
                + "    private static Rule rule(String ruleId) {\n"
                + "        return new Rule() {\n"
                + "            public String id() { return ruleId; }\n"
                + "            public String description() { return \"does nothing\"; }\n"
                + "            public Severity defaultSeverity() { return Severity.INFO; }\n"
                + "            public Risk defaultRisk() { return Risk.LOW; }\n"
                + "            public List<Finding> check(ParsedStatement s, MigrationContext m) { return List.of(); }\n"
                + "        };\n"
                + "    }\n"
                + "}\n", StandardCharsets.UTF_8);
        Path classes = EmbeddingIT.compile(List.of(source), EmbeddingIT.engineClasspath(), work.resolve("classes"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        if (servicesFile) {
            entries.put(SERVICE_FILE, ("com.acme.keel." + simpleName + "\n").getBytes(StandardCharsets.UTF_8));
        }
        EmbeddingIT.writeJarBytes(jar, true, entries);
    }
}
