package dev.keel.bootstrap;

import dev.keel.spi.Location;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.schema.SchemaModel;
import java.util.List;
import java.util.Optional;

/** Test support: a MySQL schema policy that reports one finding on {@code t.c} with one fix statement. */
public record StubPolicy(String id, Optional<String> pack) implements SchemaPolicy {

    /** A policy outside any pack. */
    public StubPolicy(String id) {
        this(id, Optional.empty());
    }

    @Override
    public String description() {
        return "test";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public Risk defaultRisk() {
        return Risk.LOW;
    }

    @Override
    public List<String> dialects() {
        return List.of("mysql");
    }

    @Override
    public List<PolicyFinding> check(SchemaModel schema) {
        return List.of(new PolicyFinding(new Finding(id, Severity.WARNING, Risk.LOW, Location.of("t.c"), "c int",
                "bad", "fix it", "docs"), "t", Optional.of("c"), List.of("ALTER TABLE t MODIFY c BIGINT")));
    }
}
