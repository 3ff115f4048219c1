package dev.keel.rules;

import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.StatementAnalyzer;
import java.util.ArrayList;
import dev.keel.rules.policy.TypeNormalisationPack;
import dev.keel.spi.rule.SchemaPolicy;
import java.util.List;
import java.util.Optional;

/** Keel's built-in rules, shipped through the same {@link RuleProvider} SPI third parties use. */
public final class KeelRuleProvider implements RuleProvider {

    /** This provider's id. */
    public static final String ID = "keel-builtin";

    private static final List<Rule> RULES = build();

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(DestructiveRules.all());
        rules.addAll(CompatibilityRules.all());
        rules.addAll(PostgresRules.all());
        rules.addAll(MysqlRules.all());
        rules.addAll(SqliteRules.all());
        rules.addAll(TransactionRules.all());
        return List.copyOf(rules);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    /** The opt-in {@code type-normalisation} pack of schema policies. */
    @Override
    public List<SchemaPolicy> policies() {
        return TypeNormalisationPack.policies();
    }

    @Override
    public Optional<StatementAnalyzer> analyzer() {
        return Optional.of(new KeelStatementAnalyzer());
    }
}
