package dev.keel.bootstrap;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.StatementAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every discovered rule over one migration's statements, parsed by the discovered {@link StatementAnalyzer}.
 * A rule that throws becomes a finding of that rule instead of stopping the lint.
 */
final class Linter {

    private final StatementAnalyzer analyzer;
    private final List<Rule> rules;

    Linter(StatementAnalyzer analyzer, List<Rule> rules) {
        this.analyzer = analyzer;
        this.rules = List.copyOf(rules);
    }

    StatementAnalyzer analyzer() {
        return analyzer;
    }

    List<Rule> rules() {
        return rules;
    }

    LintReport.FileLint lint(String file, List<SqlStatement> statements, String dialect, Optional<ServerInfo> server,
            TransactionMode mode) {
        List<ParsedStatement> parsed = statements.stream().map(s -> analyzer.parse(s, dialect, server)).toList();
        MigrationContext context = new MigrationContext(file, mode == TransactionMode.TRANSACTIONAL, parsed);
        Risk risk = Risk.LOW;
        List<Finding> all = new ArrayList<>();
        for (ParsedStatement statement : parsed) {
            List<Finding> findings = new ArrayList<>();
            for (Rule rule : rules) {
                try {
                    findings.addAll(rule.check(statement, context));
                } catch (RuntimeException e) {
                    findings.add(new Finding(rule.id(), rule.defaultSeverity(), rule.defaultRisk(),
                            new Location(file, statement.line(), statement.column()), statement.excerpt(),
                            "The rule failed on this statement: " + e,
                            "Report this to the rule's author; the statement was not checked by this rule.",
                            "docs/rules.md#" + rule.id()));
                }
            }
            risk = risk.max(analyzer.risk(statement, context, findings));
            all.addAll(findings);
        }
        return new LintReport.FileLint(file, risk, parsed.size(), all);
    }
}
