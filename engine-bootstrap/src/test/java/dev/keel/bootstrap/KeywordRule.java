package dev.keel.bootstrap;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A rule for tests: flags each statement whose text holds its keyword (parameter {@code keyword}), warning, high risk. */
record KeywordRule(String id, String keyword, Optional<String> pack) implements Rule {

    KeywordRule(String id, String keyword) {
        this(id, keyword, Optional.empty());
    }

    @Override
    public String description() {
        return "statements with " + keyword;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public Risk defaultRisk() {
        return Risk.HIGH;
    }

    @Override
    public List<Finding> check(ParsedStatement statement, MigrationContext migration) {
        if (!statement.sql().toUpperCase(Locale.ROOT).contains(keyword)) {
            return List.of();
        }
        return List.of(new Finding(id, Severity.WARNING, Risk.HIGH,
                new Location(migration.file(), statement.line(), statement.column()), statement.excerpt(),
                "found " + keyword, "do not", "docs/rules.md#" + id));
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("keyword", "the word to flag, upper case");
    }

    @Override
    public Rule withOptions(Map<String, String> options) {
        String word = options.getOrDefault("keyword", keyword);
        if (!word.equals(word.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("keyword must be upper case, not '" + word + "'");
        }
        return new KeywordRule(id, word, pack);
    }
}
