package dev.keel.testkit;

import dev.keel.spi.KeelException;
import dev.keel.spi.ServerInfo;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * Tests one lint rule in a few lines, through Keel's real lint path: each script is read as a migration file
 * (directives such as {@code -- keel:transaction none} apply), cut into statements by the dialect's own splitter,
 * parsed by Keel's statement analyzer into the {@link MigrationContext} the engine builds, and every statement is
 * given to the rule.
 *
 * <pre>{@code
 * RuleTester.forRule(new TableCommentRule()).dialect("postgres")
 *         .flags("CREATE TABLE t (id int)")                                 // must produce a finding of the rule
 *         .passes("CREATE TABLE t (id int); COMMENT ON TABLE t IS 'x'")    // must not
 *         .dialect("sqlite")
 *         .passes("CREATE TABLE t (id int)")
 *         .verify();
 * }</pre>
 *
 * <p>The dialect and the analyzer are found with {@link java.util.ServiceLoader} on the test class path, as the engine
 * finds them, so the test needs {@code dev.keel:keel-rules} and the {@code dev.keel:keel-dialect-…} modules it names
 * as test dependencies. {@link #verify()} checks every case and reports all failures together in one
 * {@link AssertionFailedError}: which case and dialect, which statement (index, line, column, text), what was expected
 * and what the rule found, or how the rule saw the statements when it found nothing. A rule that throws, or reports a
 * finding under an id other than its own, fails the case whatever was expected.
 *
 * <p>Not thread-safe; make one per test.
 */
public final class RuleTester {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Rule rule;
    private final List<RuleCase> cases = new ArrayList<>();
    private final Map<String, EngineLintPath> paths = new HashMap<>();
    private Optional<String> dialect = Optional.empty();
    private Optional<ServerInfo> server = Optional.empty();

    private RuleTester(Rule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** A tester for {@code rule}; name a dialect with {@link #dialect(String)} before adding cases. */
    public static RuleTester forRule(Rule rule) {
        return new RuleTester(rule);
    }

    /**
     * The dialect of the cases added after this call: an id or alias ({@code postgres}, {@code pg}, {@code mysql},
     * {@code mariadb}, {@code sqlite}). Call it again to add cases for another dialect.
     */
    public RuleTester dialect(String dialect) {
        this.dialect = Optional.of(Objects.requireNonNull(dialect, "dialect"));
        return this;
    }

    /**
     * The server the cases added after this call target, for version-aware rules, e.g.
     * {@code new ServerInfo("PostgreSQL", "15.4", 15, 4)}; by default none, as for {@code keel lint} without
     * {@code --target-version}.
     */
    public RuleTester server(ServerInfo server) {
        this.server = Optional.of(Objects.requireNonNull(server, "server"));
        return this;
    }

    /** Adds a case: {@code script} (one migration, any number of statements) must give at least one finding of the rule. */
    public RuleTester flags(String script) {
        cases.add(new RuleCase(cases.size() + 1, true, requireDialect(), server, Objects.requireNonNull(script, "script")));
        return this;
    }

    /** Adds a case: {@code script} (one migration, any number of statements) must give no finding of the rule. */
    public RuleTester passes(String script) {
        cases.add(new RuleCase(cases.size() + 1, false, requireDialect(), server, Objects.requireNonNull(script, "script")));
        return this;
    }

    /**
     * Runs every case and fails with all failures at once.
     *
     * @throws AssertionFailedError when a case failed, the rule's metadata is invalid, or no case was added
     * @throws KeelException when a named dialect or Keel's statement analyzer is not on the test class path
     */
    public void verify() {
        List<String> failures = new ArrayList<>(metadataProblems());
        List<Throwable> thrown = new ArrayList<>();
        if (cases.isEmpty()) {
            failures.add("no case to check: add flags(…) or passes(…) before verify()");
        }
        for (RuleCase c : cases) {
            CaseOutcome outcome = run(c);
            c.failure(outcome, rule.id()).ifPresent(failures::add);
            outcome.cause().ifPresent(thrown::add);
        }
        if (!failures.isEmpty()) {
            AssertionFailedError error = new AssertionFailedError("Rule " + rule.id() + ": " + failures.size()
                    + " problem(s) in " + cases.size() + " case(s).\n\n" + String.join("\n\n", failures));
            thrown.forEach(error::addSuppressed);
            throw error;
        }
    }

    /**
     * Every finding the rule reports on {@code script} for the current dialect, for assertions beyond
     * flags/passes (message, risk, location).
     *
     * @throws AssertionFailedError when the script is not a valid migration or the rule throws
     */
    public List<Finding> findings(String script) {
        RuleCase c = new RuleCase(0, true, requireDialect(), server, Objects.requireNonNull(script, "script"));
        CaseOutcome outcome = run(c);
        if (outcome instanceof CaseOutcome.Checked checked) {
            return checked.findings().stream().map(StatementFinding::finding).toList();
        }
        throw new AssertionFailedError("Rule " + rule.id() + " on " + c.dialect() + ": " + outcome.problem().orElseThrow(),
                outcome.cause().orElse(null));
    }

    private CaseOutcome run(RuleCase c) {
        EngineLintPath path = paths.computeIfAbsent(c.dialect() + "|" + c.server(),
                key -> EngineLintPath.forDialect(c.dialect(), c.server(), classLoader()));
        MigrationContext context;
        try {
            context = path.contextOf(c.script());
        } catch (KeelException e) {
            return new CaseOutcome.InvalidScript(e);
        }
        List<StatementFinding> findings = new ArrayList<>();
        for (ParsedStatement statement : context.statements()) {
            try {
                rule.check(statement, context).forEach(f -> findings.add(new StatementFinding(statement, f)));
            } catch (RuntimeException e) {
                return new CaseOutcome.RuleThrew(statement, e);
            }
        }
        return new CaseOutcome.Checked(context, findings);
    }

    private List<String> metadataProblems() {
        List<String> problems = new ArrayList<>();
        if (rule.id() == null || !KEBAB_CASE.matcher(rule.id()).matches()) {
            problems.add("[rule] id '" + rule.id() + "' is not kebab-case (lower-case letters and digits joined by"
                    + " single hyphens, e.g. acme-table-comment)");
        }
        if (rule.description() == null || rule.description().isBlank()) {
            problems.add("[rule] description() is blank; it is shown in rule lists and catalogues");
        }
        if (rule.defaultSeverity() == null || rule.defaultRisk() == null) {
            problems.add("[rule] defaultSeverity() and defaultRisk() must not be null");
        }
        return problems;
    }

    private String requireDialect() {
        return dialect.orElseThrow(() -> new IllegalStateException(
                "Name the dialect before adding cases, e.g. RuleTester.forRule(rule).dialect(\"postgres\").flags(…)."));
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RuleTester.class.getClassLoader();
    }
}
