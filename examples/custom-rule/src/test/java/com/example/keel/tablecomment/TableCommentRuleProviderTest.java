package com.example.keel.tablecomment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The services file lists the provider, as Keel will look for it in the jar. */
class TableCommentRuleProviderTest {

    @Test
    void theProviderIsFoundThroughItsServicesFile() {
        List<RuleProvider> ours = ServiceLoader.load(RuleProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof TableCommentRuleProvider)
                .toList();

        assertEquals(1, ours.size());
        assertEquals("example-table-comments", ours.get(0).id());
        assertEquals(List.of(TableCommentRule.ID), ours.get(0).rules().stream().map(Rule::id).toList());
    }
}
