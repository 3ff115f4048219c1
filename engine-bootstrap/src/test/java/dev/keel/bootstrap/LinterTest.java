package dev.keel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.bootstrap.config.RuleSettings;
import dev.keel.core.source.ScriptAllowances;
import dev.keel.spi.Risk;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.RuleProvider;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.StatementAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -- keel:allow} in the Linter, with Keel's real statement analyzer and two test rules: which findings are
 * accepted, that they neither count nor raise the risk, and the findings about the directives themselves.
 */
class LinterTest {

    private static final StatementAnalyzer ANALYZER = ServiceLoader.load(RuleProvider.class).stream()
            .flatMap(p -> p.get().analyzer().stream()).findFirst().orElseThrow();

    @TempDir
    Path dir;

    private final List<KeywordRule> rules = List.of(new KeywordRule("no-update", "UPDATE"), new KeywordRule("no-x", "X"));

    private LintReport.FileLint lint(String text, RuleSettings settings) {
        List<SqlStatement> statements = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("--")) {
                statements.add(new SqlStatement(line.replace(";", ""), statements.size(), i + 1, 1));
            }
        }
        Linter linter = new Linter(ANALYZER, new ConfiguredRules(List.copyOf(rules), settings));
        return linter.lint("m.sql", statements, "sqlite", Optional.empty(), TransactionMode.TRANSACTIONAL,
                ScriptAllowances.read(text, "m.sql"));
    }

    private LintReport.FileLint lint(String text) {
        return lint(text, RuleSettings.none());
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.location().line()).toList();
    }

    @Test
    void aStatementAllowanceAcceptsThatStatementsFindingOnly() {
        LintReport.FileLint lint = lint("""
                -- keel:allow no-update backfill of a new column, the table is small
                UPDATE t SET a = 1;
                UPDATE t SET b = 2;
                """);
        assertEquals(List.of("no-update@3"), ids(lint.findings()));
        AcceptedFinding accepted = lint.accepted().get(0);
        assertEquals(2, accepted.finding().location().line());
        assertEquals("backfill of a new column, the table is small", accepted.allowance().reason());
    }

    @Test
    void acceptedFindingsDoNotRaiseTheRiskButTheBaselineStays() {
        // the test rule says high; Keel's baseline for an UPDATE is medium
        assertEquals(Risk.HIGH, lint("UPDATE t SET a = 1;\n").risk());
        assertEquals(Risk.MEDIUM, lint("-- keel:allow no-update reviewed\nUPDATE t SET a = 1;\n").risk());
    }

    @Test
    void aFileAllowanceAcceptsEveryStatementAndSeveralIdsMayBeGiven() {
        LintReport.FileLint lint = lint("""
                -- keel:allow no-update, no-x one-off data fix

                UPDATE t SET a = 1;
                UPDATE x SET b = 2;
                """);
        assertEquals(List.of(), lint.findings());
        assertEquals(3, lint.accepted().size());
    }

    @Test
    void theStatementAllowanceIsPreferredSoAnIdleFileAllowanceIsReportedUnused() {
        LintReport.FileLint lint = lint("""
                -- keel:allow no-update the whole file

                -- keel:allow no-update this one
                UPDATE t SET a = 1;
                """);
        assertEquals(3, lint.accepted().get(0).allowance().line());
        assertEquals(List.of("keel-allow-unused@1"), ids(lint.findings()));
    }

    @Test
    void anAllowWithoutReasonIsAnErrorAndAcceptsNothing() {
        LintReport.FileLint lint = lint("-- keel:allow no-update\nUPDATE t SET a = 1;\n");
        assertEquals(List.of("keel-allow-invalid@1", "no-update@2"), ids(lint.findings()));
        Finding invalid = lint.findings().get(0);
        assertEquals(Severity.ERROR, invalid.severity());
        assertTrue(invalid.remediation().startsWith("Write why"), invalid.remediation());
    }

    @Test
    void unknownAndUnusedIdsAreWarnings() {
        LintReport.FileLint lint = lint("""
                -- keel:allow no-updte, no-x typo and nothing to accept
                UPDATE t SET a = 1;
                """);
        assertEquals(List.of("keel-allow-unknown@1", "keel-allow-unused@1", "no-update@2"), ids(lint.findings()));
        assertTrue(lint.findings().get(0).message().contains("'no-updte'"), lint.findings().get(0).message());
        assertTrue(lint.findings().get(1).message().contains("the statement on line 2 has no no-x finding"),
                lint.findings().get(1).message());
        lint.findings().subList(0, 2).forEach(f -> assertEquals(Severity.WARNING, f.severity()));
    }

    @Test
    void anAllowForARuleThisEnvironmentDisablesIsNotReportedUnused() {
        LintReport.FileLint lint = lint("-- keel:allow no-x reviewed\nUPDATE t SET a = 1;\n",
                RuleYaml.settings(dir, "rules: { disable: [no-x] }", "dev"));
        assertEquals(List.of("no-update@2"), ids(lint.findings()));
    }

    @Test
    void configuredLevelsApplyToAcceptedFindingsToo() {
        LintReport.FileLint lint = lint("-- keel:allow no-update reviewed\nUPDATE t SET a = 1;\n",
                RuleYaml.settings(dir, "rules: { severity: { no-update: error } }", "dev"));
        assertEquals(Severity.ERROR, lint.accepted().get(0).finding().severity());
        assertEquals(List.of(), lint.findings(), "an accepted error does not count");
    }
}
