package dev.keel.rules;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.Finding;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.StatementKind;
import java.util.Collection;

/**
 * The always-on statement risk baseline of SPEC §5, refined by the findings of the rules: high = DROP
 * TABLE/COLUMN/INDEX/SCHEMA, TRUNCATE, DELETE, ALTER TABLE that rewrites or locks (as the rules report); medium =
 * UPDATE, blocking CREATE INDEX, renames, and anything Keel cannot classify; low = CREATE TABLE, INSERT, CREATE
 * INDEX CONCURRENTLY, CREATE FUNCTION/VIEW.
 */
public final class RiskClassifier {

    /** The baseline risk of a statement from what it does, before rules look at it. */
    public Risk baseline(ParsedStatement s, MigrationContext migration) {
        boolean newTable = s.table().map(t -> TableHistory.of(migration).createdBefore(s, t)).orElse(false);
        return switch (s.kind()) {
            case DROP_TABLE, DROP_SCHEMA, DROP_DATABASE, TRUNCATE -> newTable ? Risk.LOW : Risk.HIGH;
            case DELETE -> newTable ? Risk.LOW : Risk.HIGH;
            case DROP_INDEX -> Risk.HIGH;
            case ALTER_TABLE -> alterTable(s, newTable);
            case UPDATE, MERGE -> newTable ? Risk.LOW : Risk.MEDIUM;
            case CREATE_INDEX -> s.has(Clause.CONCURRENTLY) || newTable || StatementParser.isMysql(s.dialect())
                    ? Risk.LOW : Risk.MEDIUM;
            case REINDEX -> s.has(Clause.CONCURRENTLY) ? Risk.LOW : Risk.MEDIUM;
            case RENAME_TABLE, ALTER_SCHEMA, ALTER_TYPE, ALTER_DOMAIN, DROP_OTHER, VACUUM, CLUSTER -> Risk.MEDIUM;
            case OTHER -> Risk.MEDIUM;
            default -> Risk.LOW;
        };
    }

    private static Risk alterTable(ParsedStatement s, boolean newTable) {
        JsqlParsedStatement j = JsqlParsedStatement.of(s);
        Risk risk = newTable ? Risk.LOW : Risk.MEDIUM;
        for (SqlTokens a : j.alterActions()) {
            if (DestructiveRules.dropsColumn(a)) {
                return Risk.HIGH;
            }
            if (CompatibilityRules.renamedColumn(a).isPresent()) {
                risk = risk.max(Risk.MEDIUM);
            }
        }
        return risk;
    }

    /** A statement's risk: its baseline raised by the risk of the findings reported on it. */
    public Risk classify(ParsedStatement s, MigrationContext migration, Collection<Finding> findingsOnStatement) {
        Risk risk = baseline(s, migration);
        for (Finding f : findingsOnStatement) {
            risk = risk.max(f.risk());
        }
        return risk;
    }
}
