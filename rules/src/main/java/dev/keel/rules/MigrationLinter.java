package dev.keel.rules;

import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a migration's statements and runs rules over them, collecting every finding and each statement's risk.
 * A rule that throws is reported as a finding of that rule rather than stopping the lint.
 */
public final class MigrationLinter {

    private final StatementParser parser;
    private final List<Rule> rules;
    private final RiskClassifier risks = new RiskClassifier();

    /** A linter running {@code rules} with statements parsed by {@code parser}. */
    public MigrationLinter(StatementParser parser, List<Rule> rules) {
        this.parser = parser;
        this.rules = List.copyOf(rules);
    }

    /** The outcome for one statement. */
    public record StatementResult(ParsedStatement statement, Risk risk, List<Finding> findings) {
    }

    /** The outcome for a migration: per-statement results, all findings, and the migration's risk (the highest). */
    public record Result(MigrationContext context, List<StatementResult> statements) {

        /** Every finding, in statement order. */
        public List<Finding> findings() {
            return statements.stream().flatMap(s -> s.findings().stream()).toList();
        }

        /** The highest statement risk; low for an empty migration. */
        public Risk risk() {
            return statements.stream().map(StatementResult::risk).reduce(Risk.LOW, Risk::max);
        }
    }

    /** Lints one migration. */
    public Result lint(String file, List<SqlStatement> statements, String dialect, Optional<ServerInfo> server,
            TransactionMode mode) {
        List<ParsedStatement> parsed = statements.stream().map(s -> parser.parse(s, dialect, server)).toList();
        MigrationContext context = new MigrationContext(file, mode == TransactionMode.TRANSACTIONAL, parsed);
        List<StatementResult> results = new ArrayList<>();
        for (ParsedStatement p : parsed) {
            List<Finding> findings = new ArrayList<>();
            for (Rule rule : rules) {
                try {
                    findings.addAll(rule.check(p, context));
                } catch (RuntimeException e) {
                    findings.add(new Finding(rule.id(), rule.defaultSeverity(), rule.defaultRisk(),
                            new dev.keel.spi.Location(file, p.line(), p.column()),
                            p.excerpt(), "The rule failed on this statement: " + e,
                            "Report this to the rule's author; the statement was not checked by this rule.",
                            "docs/rules.md#" + rule.id()));
                }
            }
            results.add(new StatementResult(p, risks.classify(p, context, findings), List.copyOf(findings)));
        }
        return new Result(context, results);
    }
}
