package dev.keel.rules;

import static dev.keel.rules.BuiltinRule.rule;

import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;

/** SQLite specific rules (RULES.md section E). */
final class SqliteRules {

    private SqliteRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("sqlite-add-column-limits")
                        .describedAs("ADD COLUMN that SQLite rejects: PRIMARY KEY/UNIQUE, NOT NULL without a default, "
                                + "or a non-constant default")
                        .level(Severity.ERROR, Risk.HIGH).dialects("sqlite")
                        .help("Add the column nullable or with a constant non-null default; for keys or expression defaults, "
                                + "rebuild the table (create new, copy, drop, rename) with PRAGMA foreign_keys=off.")
                        .example(RuleExample.of("sqlite", "ALTER TABLE users ADD COLUMN created_at TEXT NOT NULL;",
                                "ALTER TABLE users ADD COLUMN created_at TEXT NOT NULL DEFAULT '1970-01-01';"))
                        .detects((s, m) -> {
                            for (SqlTokens a : s.alterActions()) {
                                Optional<ColumnDefinition> c = ColumnDefinition.added(a);
                                if (c.isEmpty()) {
                                    continue;
                                }
                                ColumnDefinition col = c.get();
                                Optional<SqlTokens> d = col.defaultExpression();
                                boolean nullDefault = d.map(x -> x.isEmpty() || x.size() == 1 && x.get(0).is("NULL")).orElse(true);
                                boolean nonConstant = d.map(x -> x.get(0).is("(") || x.get(0).word().startsWith("CURRENT_"))
                                        .orElse(false);
                                if (col.primaryKey() || col.has("UNIQUE")) {
                                    return BuiltinRule.Hit.of("SQLite cannot ADD COLUMN with PRIMARY KEY or UNIQUE: the statement fails.");
                                }
                                if (col.has("NOT", "NULL") && nullDefault) {
                                    return BuiltinRule.Hit.of("SQLite cannot ADD a NOT NULL column without a non-null default: "
                                            + "the statement fails.");
                                }
                                if (nonConstant) {
                                    return BuiltinRule.Hit.of("SQLite cannot ADD COLUMN with a non-constant default "
                                            + "(CURRENT_TIME/DATE/TIMESTAMP or an expression): the statement fails.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("sqlite-table-rebuild")
                        .describedAs("A change SQLite cannot ALTER, or a table rebuild without PRAGMA foreign_keys=off")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("sqlite")
                        .help("Use the 12-step rebuild: PRAGMA foreign_keys=off (outside the transaction), create the new "
                                + "table, copy, drop the old, rename, check foreign_key_check, PRAGMA foreign_keys=on.")
                        .example(RuleExample.of("sqlite", """
                                CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
                                INSERT INTO users_new (id, email) SELECT id, email FROM users;
                                DROP TABLE users;
                                ALTER TABLE users_new RENAME TO users;
                                """, """
                                -- keel:transaction none
                                PRAGMA foreign_keys = off;
                                BEGIN;
                                CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
                                INSERT INTO users_new (id, email) SELECT id, email FROM users;
                                DROP TABLE users;
                                ALTER TABLE users_new RENAME TO users;
                                COMMIT;
                                PRAGMA foreign_keys = on;
                                """))
                        .detects((s, m) -> {
                            for (SqlTokens a : s.alterActions()) {
                                if (a.matches(0, "ALTER") || a.matches(0, "MODIFY") || a.matches(0, "CHANGE")
                                        || a.matches(0, "ADD", "CONSTRAINT") || a.matches(0, "DROP", "CONSTRAINT")
                                        || a.matches(0, "ADD", "PRIMARY") || a.matches(0, "ADD", "FOREIGN")
                                        || a.matches(0, "ADD", "UNIQUE") || a.matches(0, "ADD", "CHECK")) {
                                    return BuiltinRule.Hit.of("SQLite's ALTER TABLE cannot " + a.word(0).toLowerCase(java.util.Locale.ROOT)
                                            + " columns or constraints: the statement fails; rebuild the table instead.", Risk.HIGH);
                                }
                            }
                            if (s.view().kind() == StatementKind.RENAME_TABLE && rebuildWithoutPragma(s, m)) {
                                return BuiltinRule.Hit.of("This table rebuild (drop, then rename the copy into place) runs "
                                        + "without PRAGMA foreign_keys=off: the DROP cascades or fails through foreign keys.");
                            }
                            return Optional.empty();
                        }));
    }

    private static boolean rebuildWithoutPragma(JsqlParsedStatement s, MigrationContext m) {
        List<String> tables = s.view().names(SqlObject.Type.TABLE);
        if (tables.size() < 2) {
            return false;
        }
        String target = Facts.simple(tables.get(1));
        boolean dropped = false;
        for (ParsedStatement p : m.before(s.view())) {
            if (p.kind() == StatementKind.PRAGMA) {
                SqlTokens t = JsqlParsedStatement.of(p).tokens();
                if (t.contains("foreign_keys") && (t.contains("OFF") || t.contains("0") || t.contains("FALSE") || t.contains("NO"))) {
                    return false;
                }
            }
            if (p.kind() == StatementKind.DROP_TABLE
                    && p.names(SqlObject.Type.TABLE).stream().anyMatch(x -> Facts.simple(x).equals(target))) {
                dropped = true;
            }
        }
        return dropped;
    }
}
