package dev.keel.bootstrap;

import dev.keel.core.lint.MigrationContextBuilder;
import dev.keel.core.source.ScriptAllowances;
import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.migration.Allowance;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.StatementAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs the configured rules over one migration's statements, parsed by the discovered {@link StatementAnalyzer}, and
 * sets aside the findings its {@code -- keel:allow} directives accept. A rule that throws becomes a finding of that
 * rule instead of stopping the lint. {@link #cachingIn} gives one that reuses results of unchanged scripts.
 */
final class Linter {

    private final StatementAnalyzer analyzer;
    private final ConfiguredRules rules;
    private final LintCache cache;

    Linter(StatementAnalyzer analyzer, ConfiguredRules rules) {
        this(analyzer, rules, LintCache.off());
    }

    private Linter(StatementAnalyzer analyzer, ConfiguredRules rules, LintCache cache) {
        this.analyzer = analyzer;
        this.rules = rules;
        this.cache = cache;
    }

    /**
     * This linter reusing and storing results in {@code directory} (the work directory's {@code lint-cache}), keyed
     * by each script's checksum and this rule set's {@linkplain RuleSetFingerprint fingerprint}.
     */
    Linter cachingIn(Path directory) {
        LintCache cache = LintCache.in(directory, RuleSetFingerprint.of(KeelVersion.current(), analyzer, rules));
        cache.sweepIfDue(java.time.Instant.now());
        return new Linter(analyzer, rules, cache);
    }

    StatementAnalyzer analyzer() {
        return analyzer;
    }

    /** The rules that run, as configured. */
    List<Rule> rules() {
        return rules.active();
    }

    /** A migration's UP part, with the allowances its reader found. */
    LintReport.FileLint lint(MigrationScript script, List<SqlStatement> statements, String dialect,
            Optional<ServerInfo> server) {
        return lint(script.location(), statements, dialect, server, script.transactionMode(),
                ScriptAllowances.of(script));
    }

    /** A script without allowances, such as a DOWN part. */
    LintReport.FileLint lint(String file, List<SqlStatement> statements, String dialect, Optional<ServerInfo> server,
            TransactionMode mode) {
        return lint(file, statements, dialect, server, mode, ScriptAllowances.none());
    }

    LintReport.FileLint lint(String file, List<SqlStatement> statements, String dialect, Optional<ServerInfo> server,
            TransactionMode mode, ScriptAllowances allowances) {
        if (!cache.enabled()) {
            return lintAfresh(file, statements, dialect, server, mode, allowances);
        }
        String key = cache.key(file, statements, dialect, server, mode, allowances);
        Optional<LintReport.FileLint> cached = cache.read(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        LintReport.FileLint linted = lintAfresh(file, statements, dialect, server, mode, allowances);
        cache.write(key, linted);
        return linted;
    }

    private LintReport.FileLint lintAfresh(String file, List<SqlStatement> statements, String dialect,
            Optional<ServerInfo> server, TransactionMode mode, ScriptAllowances allowances) {
        MigrationContext context = new MigrationContextBuilder(analyzer).build(file, statements, dialect, server, mode);
        List<ParsedStatement> parsed = context.statements();
        AllowanceMatcher matcher = new AllowanceMatcher(file, allowances, parsed);
        Risk risk = Risk.LOW;
        List<Finding> counted = new ArrayList<>();
        List<AcceptedFinding> accepted = new ArrayList<>();
        for (ParsedStatement statement : parsed) {
            List<Finding> findings = new ArrayList<>();
            for (Finding finding : check(statement, context, file)) {
                Optional<Allowance> allowance = matcher.accepting(finding, statement);
                if (allowance.isPresent()) {
                    accepted.add(new AcceptedFinding(finding, allowance.get()));
                } else {
                    findings.add(finding);
                }
            }
            // accepted findings do not raise the risk; the statement's own baseline still counts
            risk = risk.max(analyzer.risk(statement, context, findings));
            counted.addAll(findings);
        }
        counted.addAll(matcher.directiveFindings(rules));
        counted.sort(Comparator.comparingInt(f -> f.location().line()));
        return new LintReport.FileLint(file, risk, parsed.size(), counted, accepted);
    }

    private List<Finding> check(ParsedStatement statement, MigrationContext context, String file) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.active()) {
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
        return findings;
    }
}
