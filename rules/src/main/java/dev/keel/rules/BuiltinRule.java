package dev.keel.rules;

import dev.keel.spi.Location;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A built-in rule: its metadata (id, description, severity, risk, the safe way, the dialects it applies to, a
 * bad/good example for the docs) and a detector that looks at one statement in its migration.
 */
public final class BuiltinRule implements Rule {

    /** Looks at one statement; returns a hit when the hazard is present. */
    @FunctionalInterface
    public interface Detector {
        Optional<Hit> detect(JsqlParsedStatement statement, MigrationContext migration);
    }

    /** What a detector found: the message and, when it differs from the rule's default, the risk. */
    public record Hit(String message, Optional<Risk> risk) {

        /** A hit with the rule's default risk. */
        public static Optional<Hit> of(String message) {
            return Optional.of(new Hit(message, Optional.empty()));
        }

        /** A hit with its own risk. */
        public static Optional<Hit> of(String message, Risk risk) {
            return Optional.of(new Hit(message, Optional.of(risk)));
        }
    }

    private final String id;
    private final String description;
    private final Severity severity;
    private final Risk risk;
    private final String help;
    private final Set<String> dialects;
    private final Optional<RuleExample> example;
    private final Detector detector;

    private BuiltinRule(String id, String description, Severity severity, Risk risk, String help, Set<String> dialects,
            Optional<RuleExample> example, Detector detector) {
        this.id = Objects.requireNonNull(id);
        this.description = Objects.requireNonNull(description);
        this.severity = Objects.requireNonNull(severity);
        this.risk = Objects.requireNonNull(risk);
        this.help = Objects.requireNonNull(help);
        this.dialects = Set.copyOf(dialects);
        this.example = Objects.requireNonNull(example);
        this.detector = Objects.requireNonNull(detector);
    }

    /** Starts a rule definition. */
    public static Builder rule(String id) {
        return new Builder(id);
    }

    /** Builds a {@link BuiltinRule}. */
    public static final class Builder {
        private final String id;
        private String description = "";
        private Severity severity = Severity.WARNING;
        private Risk risk = Risk.MEDIUM;
        private String help = "";
        private Set<String> dialects = Set.of();
        private Optional<RuleExample> example = Optional.empty();

        private Builder(String id) {
            this.id = id;
        }

        /** One line: what the rule detects. */
        public Builder describedAs(String text) {
            this.description = text;
            return this;
        }

        /** Default severity and risk. */
        public Builder level(Severity severity, Risk risk) {
            this.severity = severity;
            this.risk = risk;
            return this;
        }

        /** The safe way to make the change. */
        public Builder help(String text) {
            this.help = text;
            return this;
        }

        /** The dialect ids the rule applies to; all when never called. */
        public Builder dialects(String... ids) {
            this.dialects = Set.of(ids);
            return this;
        }

        /** The documented bad/good example, which a test lints with the rule. */
        public Builder example(RuleExample example) {
            this.example = Optional.of(example);
            return this;
        }

        /** Finishes the rule with its detector. */
        public BuiltinRule detects(Detector detector) {
            return new BuiltinRule(id, description, severity, risk, help, dialects, example, detector);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    @Override
    public Risk defaultRisk() {
        return risk;
    }

    /** The safe way to make the change. */
    public String help() {
        return help;
    }

    /** The dialect ids this rule applies to; empty for all. */
    public Set<String> dialects() {
        return dialects;
    }

    /** The documented bad/good example; every built-in rule has one (a test checks). */
    public Optional<RuleExample> example() {
        return example;
    }

    /** The docs anchor of this rule. */
    public String docsAnchor() {
        return "docs/rules.md#" + id;
    }

    /** Whether the rule applies to {@code dialect} (MariaDB counts as MySQL). */
    public boolean appliesTo(String dialect) {
        String d = dialect.toLowerCase(Locale.ROOT);
        return dialects.isEmpty() || dialects.contains(d) || d.equals("mariadb") && dialects.contains("mysql");
    }

    @Override
    public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
        if (!appliesTo(statement.dialect())) {
            return List.of();
        }
        return detector.detect(JsqlParsedStatement.of(statement), migration)
                .map(hit -> List.of(new Finding(id, severity, hit.risk().orElse(risk),
                        new Location(migration.file(), statement.line(), statement.column()),
                        statement.excerpt(), hit.message(), help, docsAnchor())))
                .orElse(List.of());
    }

    @Override
    public String toString() {
        return id;
    }
}
