package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, acceptance 8: every built-in rule documents a bad and a good example, and they are true — the rule
 * flags the bad migration and leaves the good one alone, linted as a user's file would be.
 */
class RuleExamplesTest {

    static Stream<BuiltinRule> builtinRules() {
        return new KeelRuleProvider().rules().stream().map(BuiltinRule.class::cast);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtinRules")
    void theRuleFlagsItsBadExampleAndNotItsGoodOne(BuiltinRule rule) {
        assertTrue(rule.example().isPresent(), rule.id() + " has no example: add .example(RuleExample.of(…)) to its definition");
        RuleExample example = rule.example().orElseThrow();
        assertTrue(rule.appliesTo(example.dialect()), rule.id() + ": its example is written for " + example.dialect()
                + ", a dialect the rule does not apply to");

        List<Finding> onBad = lint(rule, example.bad(), example.dialect(), example.badServer());
        assertFalse(onBad.isEmpty(), () -> rule.id() + " does not flag its bad example:\n" + example.bad());

        List<Finding> onGood = lint(rule, example.good(), example.dialect(), example.goodServer());
        assertTrue(onGood.isEmpty(), () -> rule.id() + " flags its good example:\n" + example.good() + "\n"
                + onGood.stream().map(Finding::message).toList());
    }

    private static List<Finding> lint(BuiltinRule rule, String migration, String dialect, Optional<ServerInfo> server) {
        // As in a migration file: a `-- keel:transaction none` line takes the migration out of Keel's transaction.
        TransactionMode mode = migration.lines().anyMatch(l -> l.strip().equals("-- keel:transaction none"))
                ? TransactionMode.NONE : TransactionMode.TRANSACTIONAL;
        return new MigrationLinter(new StatementParser(), List.of(rule))
                .lint("example.sql", ScriptSplitter.split(migration), dialect, server, mode)
                .findings();
    }
}
