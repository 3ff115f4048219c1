package dev.keel.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.schema.ColumnModel;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.schema.TableModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/schema-policies.md} has a section for every built-in policy under the anchor its findings link to, and
 * states the policy's description as the policy does, so the page is stale when a policy changes.
 */
class PolicyDocsTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "schema-policies.md");

    @Test
    void everyPolicyHasItsSectionWithItsDescription() throws IOException {
        String docs = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        for (SchemaPolicy policy : TypeNormalisationPack.policies()) {
            String section = "\n### " + policy.id() + "\n\n" + policy.description() + "\n";
            assertTrue(docs.contains(section), "docs/schema-policies.md lacks, word for word:" + section);
        }
    }

    @Test
    void findingsLinkToThePolicysSection() {
        TableModel table = new TableModel("t", Optional.empty(), List.of(new ColumnModel("n", "int", "int(11)", true,
                Optional.empty(), Optional.empty(), Optional.empty(), "", "")), List.of(), List.of(), List.of());
        SchemaModel schema = new SchemaModel("mysql", "MariaDB", List.of(table));
        for (SchemaPolicy policy : TypeNormalisationPack.policies()) {
            for (PolicyFinding f : policy.check(schema)) {
                assertEquals("docs/schema-policies.md#" + policy.id(), f.finding().docsAnchor());
                assertEquals(policy.id(), f.finding().ruleId());
            }
        }
    }
}
