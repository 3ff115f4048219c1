package com.example.keel.tablecomment;

import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import java.util.List;

/**
 * This plugin's entry point, listed in {@code META-INF/services/dev.keel.spi.rule.RuleProvider}: Keel finds it with
 * {@link java.util.ServiceLoader} in a jar of {@code plugins/} or on the class path, and asks it for its rules.
 */
public final class TableCommentRuleProvider implements RuleProvider {

    /** The provider's id; {@code keel-…} ids are Keel's own. */
    public static final String ID = "example-table-comments";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Rule> rules() {
        return List.of(new TableCommentRule());
    }
}
