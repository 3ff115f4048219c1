package dev.keel.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6, acceptance 1–2: runs every built-in rule over the labelled migrations of one dialect and measures
 * recall on must-flag cases (the expected rule fires) and the false-positive rate on must-not-flag look-alikes
 * (the expected rule stays silent).
 */
class LabelledSetTest {

    private static final List<Rule> RULES = new KeelRuleProvider().rules();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mysql", "sqlite"})
    void rules_meet_recall_and_false_positive_targets(String dialect) throws Exception {
        Path dir = Path.of("src/test/resources/labelled", dialect);
        List<LabelledCase> cases = LabelledCase.load(dir, dialect);
        Set<String> ids = RULES.stream().map(Rule::id).collect(Collectors.toSet());
        MigrationLinter linter = new MigrationLinter(new StatementParser(), RULES);

        int flag = 0;
        int hit = 0;
        int pass = 0;
        int falsePositive = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledCase c : cases) {
            assertTrue(ids.contains(c.ruleId()), () -> c + ": unknown rule id");
            List<Finding> findings = linter.lint(c.file(), ScriptSplitter.split(c.sql()), dialect, c.server(), c.mode()).findings();
            boolean fired = findings.stream().anyMatch(f -> f.ruleId().equals(c.ruleId()));
            if (c.mustFlag()) {
                flag++;
                if (fired) {
                    hit++;
                } else {
                    misses.add("MISS " + c);
                }
            } else {
                pass++;
                if (fired) {
                    falsePositive++;
                    misses.add("FALSE POSITIVE " + c + ": " + findings.stream().filter(f -> f.ruleId().equals(c.ruleId()))
                            .map(Finding::message).toList());
                }
            }
        }
        double recall = flag == 0 ? 1 : (double) hit / flag;
        double fpRate = pass == 0 ? 0 : (double) falsePositive / pass;
        long hazards = cases.stream().map(LabelledCase::hazard).distinct().count();
        String summary = String.format(Locale.ROOT,
                "%s: %d cases over %d hazards; must-flag %d, flagged %d (recall %.1f%%); must-not-flag %d, flagged %d (FP %.1f%%)",
                dialect, cases.size(), hazards, flag, hit, 100 * recall, pass, falsePositive, 100 * fpRate);
        System.out.println(summary);
        misses.forEach(System.out::println);

        assertFalse(cases.isEmpty(), "no labelled cases for " + dialect);
        assertTrue(recall >= 0.95, () -> summary + "\n" + String.join("\n", misses));
        assertTrue(fpRate <= 0.03, () -> summary + "\n" + String.join("\n", misses));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mysql", "sqlite"})
    void every_hazard_has_a_must_flag_and_a_must_not_flag_case(String dialect) throws Exception {
        List<LabelledCase> cases = LabelledCase.load(Path.of("src/test/resources/labelled", dialect), dialect);
        for (String hazard : cases.stream().map(LabelledCase::hazard).collect(Collectors.toCollection(java.util.TreeSet::new))) {
            assertTrue(cases.stream().anyMatch(c -> c.hazard().equals(hazard) && c.mustFlag()), dialect + " " + hazard + ": no must-flag case");
            assertTrue(cases.stream().anyMatch(c -> c.hazard().equals(hazard) && !c.mustFlag()), dialect + " " + hazard + ": no must-not-flag case");
        }
    }
}
