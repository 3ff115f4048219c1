package dev.keel.bootstrap;

import dev.keel.core.migrate.Migrator;
import dev.keel.spi.Location;
import dev.keel.spi.dialect.Dialect;
import dev.keel.spi.migration.AppliedMigration;
import dev.keel.spi.migration.AppliedStep;
import dev.keel.spi.migration.Checksum;
import dev.keel.spi.migration.MigrationScript;
import dev.keel.spi.migration.SqlStatement;
import dev.keel.spi.migration.TransactionMode;
import dev.keel.spi.migration.Version;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.PolicyFinding;
import dev.keel.spi.rule.PolicyReport;
import dev.keel.spi.rule.SchemaPolicy;
import dev.keel.spi.schema.SchemaModel;
import dev.keel.spi.session.DatabaseSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the environment's schema policies on the live schema (SPEC §5) and, for the packs {@code rules.fix} names,
 * applies their fix statements through the {@link Migrator} as a recorded migration: one history row per pack, whose
 * script is {@code << policy-fix PACK >>} and whose version is the migration the fix follows. Then checks again, so the
 * report says what remains.
 */
final class SchemaPolicyRun {

    private final ConfiguredRules rules;
    private final Dialect dialect;
    private final DatabaseSession session;
    private final String historyTable;

    SchemaPolicyRun(ConfiguredRules rules, Dialect dialect, DatabaseSession session, String historyTable) {
        this.rules = rules;
        this.dialect = dialect;
        this.session = session;
        this.historyTable = historyTable;
    }

    /** The policies that run on this dialect; none means there is nothing to report. */
    List<SchemaPolicy> policies() {
        return rules.activePolicies().stream().filter(p -> p.dialects().contains(dialect.id())).toList();
    }

    /** What the policies find, changing nothing; no policy in the report when the dialect cannot describe its schema. */
    PolicyReport check() {
        Optional<SchemaModel> schema = schema();
        if (schema.isEmpty()) {
            return new PolicyReport(List.of(), List.of(), List.of(), List.of());
        }
        List<PolicyFinding> findings = findings(schema.get());
        return new PolicyReport(ids(), findings, List.of(), findings);
    }

    /**
     * What the policies find, with the fixes of the packs in {@code rules.fix} applied and recorded at {@code after}.
     *
     * @throws dev.keel.spi.KeelException when a fix statement fails (recorded like a failed migration)
     */
    PolicyReport checkAndFix(Migrator migrator, Version after) {
        Optional<SchemaModel> schema = schema();
        if (schema.isEmpty()) {
            return check();
        }
        List<PolicyFinding> findings = findings(schema.get());
        List<AppliedStep> fixes = new ArrayList<>();
        for (String pack : rules.fixPacks()) {
            List<String> statements = fixStatements(findings, pack);
            if (!statements.isEmpty()) {
                MigrationScript script = script(pack, after, statements);
                List<SqlStatement> sql = new ArrayList<>();
                for (int i = 0; i < statements.size(); i++) {
                    sql.add(new SqlStatement(statements.get(i), i, i + 1, 1));
                }
                fixes.add(migrator.applyRecorded(script, sql));
            }
        }
        // checked again after fixing, so the report says what the fixes left
        List<PolicyFinding> remaining = fixes.isEmpty() ? findings : findings(schema().orElseThrow());
        return new PolicyReport(ids(), findings, fixes, remaining);
    }

    /** The distinct fix statements of the findings of one pack's policies, in finding order. */
    private List<String> fixStatements(List<PolicyFinding> findings, String pack) {
        Set<String> inPack = new LinkedHashSet<>();
        policies().stream().filter(p -> p.pack().filter(pack::equals).isPresent()).forEach(p -> inPack.add(p.id()));
        Set<String> statements = new LinkedHashSet<>();
        findings.stream().filter(f -> inPack.contains(f.finding().ruleId())).forEach(f -> statements.addAll(f.fix()));
        return List.copyOf(statements);
    }

    /** The fix as a migration script without a file: its text is its statements, so its checksum says what ran. */
    private static MigrationScript script(String pack, Version after, List<String> statements) {
        String sql = String.join(";\n", statements) + ";\n";
        String name = AppliedMigration.policyFixScript(pack);
        return new MigrationScript(after, "schema policy fix " + pack, name, name, sql, 1, Checksum.of(sql),
                Optional.empty(), TransactionMode.TRANSACTIONAL, List.of(), List.of(), Optional.empty(), Map.of(), false);
    }

    /** The schema as it is now; empty when no policy runs here or the dialect cannot describe its schema. */
    private Optional<SchemaModel> schema() {
        return policies().isEmpty() ? Optional.empty() : dialect.schema(session, historyTable);
    }

    /** Every policy's findings on the schema; a policy that throws becomes a finding of that policy. */
    private List<PolicyFinding> findings(SchemaModel schema) {
        List<PolicyFinding> findings = new ArrayList<>();
        for (SchemaPolicy policy : policies()) {
            try {
                findings.addAll(policy.check(schema));
            } catch (RuntimeException e) {
                findings.add(new PolicyFinding(new Finding(policy.id(), policy.defaultSeverity(), policy.defaultRisk(),
                        Location.of("(schema)"), "", "The schema policy failed: " + e,
                        "Report this to the policy's author; the schema was not checked by this policy.",
                        "docs/schema-policies.md#" + policy.id()), "", Optional.empty(), List.of()));
            }
        }
        return findings;
    }

    private List<String> ids() {
        return policies().stream().map(SchemaPolicy::id).toList();
    }
}
