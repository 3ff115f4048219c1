package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, acceptance 8: {@code docs/rules.md} lists every built-in rule as its metadata says. Stale when a rule
 * changed and the catalogue was not regenerated; with {@code -Dkeel.rules.regenerate=true} this test rewrites it.
 */
class RuleCatalogueTest {

    static final String REGENERATE = "mvn -pl rules -am test -Dtest=RuleCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dkeel.rules.regenerate=true";

    @Test
    void theCommittedCatalogueIsWhatTheRulesSay() throws IOException {
        RuleCatalogue catalogue = RuleCatalogue.builtin();
        if (Boolean.getBoolean("keel.rules.regenerate")) {
            catalogue.writeInto(RuleCatalogue.DOCUMENT);
        }
        String committed = Files.readString(RuleCatalogue.DOCUMENT, StandardCharsets.UTF_8);
        assertEquals(catalogue.regenerated(committed), committed,
                "docs/rules.md is stale: the rules' metadata changed. Regenerate it with `" + REGENERATE
                        + "` (from the repository root) and commit it.");
    }

    @Test
    void everyRuleHasItsSectionUnderItsDocsAnchor() {
        String catalogue = RuleCatalogue.builtin().markdown();
        for (BuiltinRule rule : RuleCatalogue.builtin().rules()) {
            assertEquals("docs/rules.md#" + rule.id(), rule.docsAnchor());
            assertTrue(catalogue.contains("\n### " + rule.id() + "\n"), "no section for " + rule.id());
        }
    }
}
