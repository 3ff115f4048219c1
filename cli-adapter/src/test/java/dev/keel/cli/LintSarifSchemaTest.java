package dev.keel.cli;

import static dev.keel.cli.CliRun.keel;
import static dev.keel.cli.CliRun.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.keel.bootstrap.LintReport;
import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 5: the SARIF log of {@code keel lint} validates against the official SARIF 2.1.0 JSON schema
 * (src/test/resources/sarif, see its README), for migrations with findings of every severity, a statement only the
 * lexical fallback reads, several files, a file name with a space and a file outside the working directory.
 */
class LintSarifSchemaTest {

    @TempDir
    static Path work;
    @TempDir
    static Path elsewhere;

    private static JsonSchema sarifSchema;
    /** The lint of the fixture, run once: each test reads or alters its own copy. */
    private static CliRun linted;

    @BeforeAll
    static void loadSchemaAndLint() throws IOException {
        try (InputStream in = LintSarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
        Files.writeString(work.resolve("V1__drop old users.sql"), "-- cleanup\nDROP TABLE users;\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve("V2__index.sql"),
                "CREATE INDEX orders_created_idx ON orders (created_at);\n", StandardCharsets.UTF_8);
        Files.writeString(elsewhere.resolve("V3__vendor.sql"),
                "LOCK TABLE users IN ACCESS EXCLUSIVE MODE;\nINSERT INTO audit VALUES (1, 'locked');\n", StandardCharsets.UTF_8);
        linted = keel(work, "lint", "V1__drop old users.sql", "V2__index.sql", elsewhere.resolve("V3__vendor.sql").toString(),
                "--dialect", "postgres", "--target-version", "15", "--format", "sarif").assertExit(3);
    }

    @Test
    void theLogValidatesAgainstTheSarif210Schema() {
        JsonNode log = linted.json();
        Set<ValidationMessage> errors = sarifSchema.validate(log);
        assertTrue(errors.isEmpty(), () -> "SARIF schema violations: " + errors + "\n" + log.toPrettyString());
    }

    @Test
    void theFixtureCoversEverySeverityTheFallbackAndEveryKindOfFile() {
        JsonNode run = linted.json().path("runs").get(0);
        List<JsonNode> results = StreamSupport.stream(run.path("results").spliterator(), false).toList();
        assertEquals(Set.of("error", "warning", "note"), Set.copyOf(texts(run.path("results"), "level")));
        assertTrue(texts(run.path("results"), "ruleId").contains("unrecognised-statement"), "the lexical fallback's finding");
        List<JsonNode> artifacts = results.stream()
                .map(r -> r.path("locations").get(0).path("physicalLocation").path("artifactLocation")).toList();
        assertTrue(artifacts.stream().anyMatch(a -> a.path("uri").asText().equals("V1__drop%20old%20users.sql")
                && a.path("uriBaseId").asText().equals(LintSarif.SOURCE_ROOT)), artifacts::toString);
        assertTrue(artifacts.stream().anyMatch(a -> a.path("uri").asText().equals("V2__index.sql")), artifacts::toString);
        assertTrue(artifacts.stream().anyMatch(a -> a.path("uri").asText()
                .equals(elsewhere.resolve("V3__vendor.sql").toUri().toASCIIString()) && a.path("uriBaseId").isMissingNode()),
                artifacts::toString);
        assertEquals(work.toUri().toASCIIString(), run.path("originalUriBaseIds").path(LintSarif.SOURCE_ROOT).path("uri").asText());
        for (JsonNode result : results) {
            int index = result.path("ruleIndex").asInt();
            assertEquals(result.path("ruleId").asText(), run.path("tool").path("driver").path("rules").get(index).path("id").asText());
        }
    }

    @Test
    void fileNamesAreEncodedBecauseTheSchemaRejectsAPlainSpaceInAUri() {
        ObjectNode log = (ObjectNode) linted.json();
        ((ObjectNode) log.path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation")).put("uri", "V1__drop old users.sql");
        assertTrue(sarifSchema.validate(log).stream().anyMatch(m -> m.getMessage().contains("uri-reference")),
                "an unencoded file name is not a URI reference");
    }

    @Test
    void everyKindOfFileNameBecomesAValidUri() {
        List<String> files = List.of("classpath:db/migration/V1__a b.sql", "a:b.sql", "sub\\dir/V2__ü.sql",
                work.resolve("V4__x.sql").toString());
        List<LintReport.FileLint> linted = files.stream().map(f -> new LintReport.FileLint(f, Risk.HIGH, 1, List.of(
                new Finding("drop-table", Severity.ERROR, Risk.HIGH, new Location(f, 1, 1), "DROP TABLE t", "m", "r",
                        "docs/rules.md#drop-table")))).toList();
        JsonNode log = CliRun.JSON.valueToTree(new LintSarif(new ShownPaths(work))
                .log(new LintReport("postgres", Optional.empty(), linted, List.of()), "test"));
        assertTrue(sarifSchema.validate(log).isEmpty(), () -> sarifSchema.validate(log) + "\n" + log.toPrettyString());
        List<String> uris = StreamSupport.stream(log.path("runs").get(0).path("results").spliterator(), false)
                .map(r -> r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .toList();
        assertEquals(List.of("classpath:db/migration/V1__a%20b.sql", "./a:b.sql", "sub/dir/V2__%C3%BC.sql", "V4__x.sql"), uris);
    }

    @Test
    void theSchemaRejectsABrokenLog() {
        ObjectNode log = (ObjectNode) linted.json();
        ((ObjectNode) log.path("runs").get(0).path("results").get(0)).put("level", "fatal");
        log.remove("version");
        assertFalse(sarifSchema.validate(log).isEmpty(), "the validator must catch a bad level and a missing version");
    }
}
