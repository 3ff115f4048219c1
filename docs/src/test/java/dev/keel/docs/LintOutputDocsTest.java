package dev.keel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.cli.CliEnvironment;
import dev.keel.cli.KeelCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, acceptance 5: lint-output.md documents the JSON of {@code keel lint}. Its example has exactly the fields
 * a real run prints (compared as paths such as {@code findings[].ruleId}), and its field table describes each one.
 */
class LintOutputDocsTest {

    private static final Path DOCUMENT = Path.of("lint-output.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_FIELD = Pattern.compile("(?m)^\\| `([^`]+)` \\|");

    @TempDir
    Path work;

    @Test
    void theDocumentedExampleHasExactlyTheFieldsOfARealRun() throws IOException {
        assertEquals(fields(real()), fields(documentedExample()),
                "docs/lint-output.md: the JSON example's fields differ from what 'keel lint --format json' prints");
    }

    @Test
    void theFieldTableDescribesEveryField() throws IOException {
        Set<String> described = new TreeSet<>();
        Matcher m = TABLE_FIELD.matcher(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
        while (m.find()) {
            described.add(m.group(1));
        }
        assertEquals(fields(real()), described, "docs/lint-output.md: the JSON field table and the real fields differ");
    }

    /** The document's JSON example. */
    private static JsonNode documentedExample() throws IOException {
        Matcher m = JSON_BLOCK.matcher(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
        assertTrue(m.find(), "docs/lint-output.md has no ```json example");
        return new ObjectMapper().readTree(m.group(1));
    }

    /**
     * A real run on the example's files, with every optional field present (a target version is given, and a finding
     * is accepted with keel:allow).
     */
    private JsonNode real() throws IOException {
        Path migrations = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(migrations.resolve("0007_orders_index.sql"), "-- keel:transaction none\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("0008_cleanup.sql"),
                "ALTER TABLE users ADD COLUMN locale text;\n\nDROP TABLE sessions;\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("0009_drop_legacy.sql"), "-- keel:allow drop-table legacy was emptied in 0005\n"
                + "DROP TABLE legacy;\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int code = new KeelCli(new CliEnvironment(stream, stream, Map.of("KEEL_ENV", "development"), work, false))
                    .run("lint", "migrations/0007_orders_index.sql", "migrations/0008_cleanup.sql",
                            "migrations/0009_drop_legacy.sql", "--dialect", "postgres",
                            "--target-version", "15", "--format", "json");
            assertEquals(3, code, out::toString);
        }
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** Every field as a path: {@code risk}, {@code files}, {@code files[].risk}, … (array elements merged). */
    static Set<String> fields(JsonNode node) {
        Set<String> fields = new TreeSet<>();
        collect(node, "", fields);
        return fields;
    }

    private static void collect(JsonNode node, String path, Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                into.add(child);
                collect(field.getValue(), child, into);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", into));
        }
    }
}
