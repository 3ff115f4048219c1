package dev.keel.rules;

import static dev.keel.rules.BuiltinRule.rule;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for destructive changes and data loss (RULES.md section A). */
final class DestructiveRules {

    private static final Pattern FK_NAME = Pattern.compile("(?i)(^fk|_fk|fk_|_fkey$|foreign)");

    private DestructiveRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("drop-database-or-schema")
                        .describedAs("DROP DATABASE or DROP SCHEMA deletes every object in it")
                        .level(Severity.ERROR, Risk.HIGH).dialects("postgres", "mysql")
                        .help("Archive or rename the schema first and drop it in a later release, once nothing uses it; "
                                + "accept with `-- keel:allow drop-database-or-schema <reason>` when intended.")
                        .example(RuleExample.of("postgres", """
                                DROP SCHEMA billing CASCADE;
                                """, """
                                CREATE SCHEMA IF NOT EXISTS billing_archive;
                                ALTER TABLE billing.invoices SET SCHEMA billing_archive;
                                """))
                        .detects((s, m) -> s.view().kind() == StatementKind.DROP_DATABASE
                                || s.view().kind() == StatementKind.DROP_SCHEMA
                                ? BuiltinRule.Hit.of("DROP " + (s.view().kind() == StatementKind.DROP_DATABASE ? "DATABASE" : "SCHEMA")
                                        + " deletes every table and all data in it; applications using it break.")
                                : Optional.empty()),
                rule("drop-table")
                        .describedAs("DROP TABLE of a table that existed before the migration")
                        .level(Severity.ERROR, Risk.HIGH)
                        .help("Stop using the table in the application first, deploy, then drop it in a later migration "
                                + "(optionally rename it to <name>_deprecated first so a rollback is possible).")
                        .example(RuleExample.of("postgres", """
                                DROP TABLE sessions;
                                """, """
                                CREATE TABLE import_batch (id bigint PRIMARY KEY, payload text);
                                INSERT INTO users (id, email) SELECT id, payload FROM import_batch;
                                DROP TABLE import_batch;
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.DROP_TABLE || s.tokens().matches(1, "TEMPORARY")) {
                                return Optional.empty();
                            }
                            List<String> existing = s.view().names(SqlObject.Type.TABLE).stream()
                                    .filter(t -> !TableHistory.of(m).createdBefore(s.view(), t)).toList();
                            return existing.isEmpty() ? Optional.empty()
                                    : BuiltinRule.Hit.of("DROP TABLE " + String.join(", ", existing)
                                            + " deletes the table and its data irreversibly; code still reading it breaks.");
                        }),
                rule("drop-column")
                        .describedAs("ALTER TABLE … DROP COLUMN on an existing table")
                        .level(Severity.ERROR, Risk.HIGH)
                        .help("First stop reading and writing the column (ORMs cache column lists: mark it ignored), deploy, "
                                + "then drop it in a later migration.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE users DROP COLUMN legacy_flag;
                                """, """
                                CREATE TABLE staging_users (id bigint, scratch text);
                                ALTER TABLE staging_users DROP COLUMN scratch;
                                """))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (dropsColumn(a)) {
                                    String col = a.nameAt(LexicalClassifier.skipIfExists(a,
                                            LexicalClassifier.skipWords(a, 1, "COLUMN"))).map(SqlTokens.Name::text).orElse("?");
                                    TargetServer target = TargetServer.of(s.view());
                                    if (s.view().dialect().equals("sqlite") && !target.atLeast(3, 35)) {
                                        return BuiltinRule.Hit.of("DROP COLUMN " + col + " fails on " + target.describe()
                                                + ": SQLite supports it from 3.35; it also deletes the column's data.");
                                    }
                                    return BuiltinRule.Hit.of("DROP COLUMN " + col + " on " + Facts.table(s)
                                            + " deletes its data irreversibly; running code that selects or inserts it breaks.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("truncate-table")
                        .describedAs("TRUNCATE deletes every row of a table")
                        .level(Severity.ERROR, Risk.HIGH).dialects("postgres", "mysql")
                        .help("Delete in batches with a WHERE clause, or archive the rows first; TRUNCATE cannot be undone "
                                + "on MySQL and takes an ACCESS EXCLUSIVE lock on PostgreSQL.")
                        .example(RuleExample.of("postgres", "TRUNCATE orders;",
                                "DELETE FROM orders WHERE created_at < now() - interval '1 year';"))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.TRUNCATE) {
                                return Optional.empty();
                            }
                            List<String> existing = s.view().names(SqlObject.Type.TABLE).stream()
                                    .filter(t -> !TableHistory.of(m).createdBefore(s.view(), t)).toList();
                            return existing.isEmpty() ? Optional.empty()
                                    : BuiltinRule.Hit.of("TRUNCATE " + String.join(", ", existing) + " deletes every row.");
                        }),
                rule("drop-cascade")
                        .describedAs("DROP … CASCADE or TRUNCATE … CASCADE also removes dependent objects or rows")
                        .level(Severity.ERROR, Risk.HIGH).dialects("postgres")
                        .help("Drop or truncate the dependent objects explicitly, by name, so the migration says what it removes.")
                        .example(RuleExample.of("postgres", """
                                DROP VIEW customer_totals CASCADE;
                                """, """
                                DROP VIEW customer_report;
                                DROP VIEW customer_totals;
                                """))
                        .detects((s, m) -> s.view().has(Clause.CASCADE)
                                && (s.view().kind().name().startsWith("DROP_") || s.view().kind() == StatementKind.TRUNCATE
                                || s.view().kind() == StatementKind.ALTER_TABLE)
                                ? BuiltinRule.Hit.of("CASCADE silently removes every dependent object (views, foreign keys) "
                                        + "or, for TRUNCATE, every row of the tables that reference this one.")
                                : Optional.empty()),
                rule("drop-and-recreate")
                        .describedAs("DROP TABLE followed by CREATE TABLE of the same table in one migration")
                        .level(Severity.ERROR, Risk.HIGH)
                        .help("Alter the existing table instead, or create the new table under another name, copy the "
                                + "data, and swap the names.")
                        .example(RuleExample.of("postgres", """
                                DROP TABLE settings;
                                CREATE TABLE settings (key text PRIMARY KEY, value text, scope text);
                                """, """
                                CREATE TABLE settings_v2 (key text PRIMARY KEY, value text, scope text);
                                INSERT INTO settings_v2 (key, value) SELECT key, value FROM settings;
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.DROP_TABLE) {
                                return Optional.empty();
                            }
                            for (String t : s.view().names(SqlObject.Type.TABLE)) {
                                if (TableHistory.of(m).createdBefore(s.view(), t)) {
                                    continue;
                                }
                                for (ParsedStatement later : m.after(s.view())) {
                                    if (later.kind() == StatementKind.CREATE_TABLE && later.table()
                                            .map(x -> Facts.simple(x).equals(Facts.simple(t))).orElse(false)) {
                                        return BuiltinRule.Hit.of("Table " + t + " is dropped and created again: "
                                                + "its rows are lost, and the new table starts empty.");
                                    }
                                }
                            }
                            return Optional.empty();
                        }),
                rule("dml-without-where")
                        .describedAs("UPDATE or DELETE with no WHERE clause changes every row")
                        .level(Severity.ERROR, Risk.HIGH)
                        .help("Add a WHERE clause naming the rows to change (use `WHERE true` when every row is meant), "
                                + "and batch large changes.")
                        .example(RuleExample.of("postgres", "UPDATE users SET newsletter = false;",
                                "UPDATE users SET newsletter = false WHERE newsletter IS NULL;"))
                        .detects((s, m) -> (s.view().kind() == StatementKind.UPDATE || s.view().kind() == StatementKind.DELETE)
                                && !s.view().has(Clause.WHERE) && Facts.onExistingTable(s, m)
                                ? BuiltinRule.Hit.of(s.view().kind().name() + " without WHERE changes every row of "
                                        + Facts.table(s) + ".")
                                : Optional.empty()),
                rule("drop-foreign-key")
                        .describedAs("Dropping a foreign-key constraint removes referential integrity")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres", "mysql")
                        .help("Make sure the application no longer relies on the constraint; prefer replacing it in the "
                                + "same migration (add the new one NOT VALID, then VALIDATE).")
                        .example(RuleExample.of("postgres", "ALTER TABLE orders DROP CONSTRAINT orders_user_fk;",
                                "ALTER TABLE orders DROP CONSTRAINT orders_total_check;"))
                        .detects((s, m) -> {
                            for (SqlTokens a : s.alterActions()) {
                                if (a.matches(0, "DROP", "FOREIGN", "KEY")) {
                                    return BuiltinRule.Hit.of("DROP FOREIGN KEY removes referential integrity: orphan rows can appear.");
                                }
                                if (a.matches(0, "DROP", "CONSTRAINT")) {
                                    String name = a.nameAt(LexicalClassifier.skipIfExists(a, 2)).map(SqlTokens.Name::text).orElse("");
                                    if (FK_NAME.matcher(name).find() || createdAsForeignKey(s, m, name)) {
                                        return BuiltinRule.Hit.of("Constraint " + name
                                                + " looks like a foreign key: dropping it removes referential integrity.");
                                    }
                                }
                            }
                            return Optional.empty();
                        }),
                rule("drop-not-null")
                        .describedAs("Dropping NOT NULL lets NULLs into a column readers assume is non-null")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres", "mysql")
                        .help("Deploy code that handles NULL in this column before the migration.")
                        .example(RuleExample.of("postgres", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
                                "ALTER TABLE users ALTER COLUMN email DROP DEFAULT;"))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (a.matches(0, "ALTER") && a.containsTopLevel("DROP", "NOT", "NULL")) {
                                    return BuiltinRule.Hit.of("DROP NOT NULL: readers that assume non-null values may break.");
                                }
                                if ((a.matches(0, "MODIFY") || a.matches(0, "CHANGE")) && explicitNull(a)) {
                                    return BuiltinRule.Hit.of("The column is redefined as NULL: readers that assume non-null values may break.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("on-delete-cascade")
                        .describedAs("A new foreign key with ON DELETE CASCADE")
                        .level(Severity.INFO, Risk.LOW).dialects("postgres", "mysql")
                        .help("Prefer ON DELETE RESTRICT (or NO ACTION) and delete dependent rows explicitly.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD CONSTRAINT orders_user_fk
                                    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;
                                """, """
                                ALTER TABLE orders ADD CONSTRAINT orders_user_fk
                                    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT NOT VALID;
                                """))
                        .detects((s, m) -> (s.view().kind() == StatementKind.ALTER_TABLE || s.view().kind() == StatementKind.CREATE_TABLE)
                                && s.tokens().contains("ON", "DELETE", "CASCADE")
                                ? BuiltinRule.Hit.of("ON DELETE CASCADE: one delete of a parent row silently deletes all its child rows.")
                                : Optional.empty()));
    }

    static boolean dropsColumn(SqlTokens a) {
        if (!a.matches(0, "DROP")) {
            return false;
        }
        String w = a.word(1);
        return w.equals("COLUMN") || !w.isEmpty() && !LexicalClassifier.isConstraintWord(w) && !w.equals("DEFAULT")
                && !w.equals("IDENTITY") && !w.equals("EXPRESSION") && !w.equals("NOT")
                || a.get(1).type() == SqlTokens.Type.QUOTED_NAME;
    }

    private static boolean explicitNull(SqlTokens a) {
        for (int i = a.indexOfTopLevel(0, "NULL"); i >= 0; i = a.indexOfTopLevel(i + 1, "NULL")) {
            if (!a.get(i - 1).is("NOT") && !a.get(i - 1).is("DEFAULT")) {
                return true;
            }
        }
        return false;
    }

    private static boolean createdAsForeignKey(JsqlParsedStatement s, dev.keel.spi.rule.MigrationContext m, String name) {
        for (ParsedStatement p : m.before(s.view())) {
            SqlTokens t = JsqlParsedStatement.of(p).tokens();
            int at = t.indexOf(0, "CONSTRAINT", name);
            if (at >= 0 && (t.matches(at + 2, "FOREIGN") || t.matches(at + 2, "REFERENCES"))) {
                return true;
            }
        }
        return false;
    }
}
