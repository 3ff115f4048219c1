package com.acme.keel;

import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.Severity;
import java.util.List;

/**
 * A second plugin (compiled by CustomRulePluginIT) whose provider id is its own but whose one rule reuses the id of
 * the example plugin's rule: Keel must refuse the pair, naming both jars and the id.
 */
public final class ShadowingRules implements RuleProvider {

    @Override
    public String id() {
        return "acme-shadowing";
    }

    @Override
    public List<Rule> rules() {
        return List.of(new Rule() {
            @Override
            public String id() {
                return "example-table-comment";
            }

            @Override
            public String description() {
                return "Reuses another plugin's rule id.";
            }

            @Override
            public Severity defaultSeverity() {
                return Severity.INFO;
            }

            @Override
            public Risk defaultRisk() {
                return Risk.LOW;
            }

            @Override
            public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
                return List.of();
            }
        });
    }
}
