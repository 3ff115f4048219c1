package dev.keel.rules;

import static dev.keel.rules.BuiltinRule.rule;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;

/** Rules for changes that break running or older application code (RULES.md section B). */
final class CompatibilityRules {

    private CompatibilityRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("rename-column")
                        .describedAs("Renaming a column breaks code that still uses the old name")
                        .level(Severity.WARNING, Risk.HIGH)
                        .help("Expand and contract: add the new column, write both, backfill, switch reads, then drop the "
                                + "old column in a later release (or use a view exposing both names).")
                        .example(RuleExample.of("postgres", "ALTER TABLE users RENAME COLUMN name TO full_name;",
                                "ALTER TABLE users ADD COLUMN full_name text;"))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                Optional<String> renamed = renamedColumn(a);
                                if (renamed.isPresent()) {
                                    TargetServer target = TargetServer.of(s.view());
                                    if (s.view().dialect().equals("sqlite") && !target.atLeast(3, 25)) {
                                        return BuiltinRule.Hit.of("RENAME COLUMN fails on " + target.describe()
                                                + ": SQLite supports it from 3.25.");
                                    }
                                    return BuiltinRule.Hit.of("Column " + renamed.get() + " of " + Facts.table(s)
                                            + " is renamed: running code that uses the old name breaks.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("rename-table")
                        .describedAs("Renaming a table breaks code that still uses the old name")
                        .level(Severity.WARNING, Risk.HIGH)
                        .help("Create the new name as a view on the old table (or the reverse) while code migrates, "
                                + "then rename in a later release.")
                        .example(RuleExample.of("postgres", "ALTER TABLE users RENAME TO accounts;",
                                "CREATE VIEW accounts AS SELECT id, email FROM users;"))
                        .detects((s, m) -> s.view().kind() == StatementKind.RENAME_TABLE && Facts.onExistingTable(s, m)
                                ? BuiltinRule.Hit.of("Table " + Facts.table(s) + " is renamed: running code that uses the old name breaks.")
                                : Optional.empty()),
                rule("rename-schema")
                        .describedAs("ALTER SCHEMA … RENAME breaks every qualified reference")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("Create the new schema and move objects, or keep the old name on the search_path until code migrates.")
                        .example(RuleExample.of("postgres", "ALTER SCHEMA billing RENAME TO invoicing;",
                                "CREATE SCHEMA IF NOT EXISTS invoicing;"))
                        .detects((s, m) -> s.view().kind() == StatementKind.ALTER_SCHEMA && s.tokens().contains("RENAME", "TO")
                                ? BuiltinRule.Hit.of("The schema is renamed: every query that qualifies objects with its old name breaks.")
                                : Optional.empty()),
                rule("rename-enum-value")
                        .describedAs("ALTER TYPE … RENAME VALUE breaks code and data that use the old label")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("Add the new value, migrate rows and code to it, and stop using the old one.")
                        .example(RuleExample.of("postgres", "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched';",
                                "ALTER TYPE order_status ADD VALUE 'dispatched' AFTER 'shipped';"))
                        .detects((s, m) -> s.view().kind() == StatementKind.ALTER_TYPE && s.tokens().contains("RENAME", "VALUE")
                                ? BuiltinRule.Hit.of("An enum label is renamed: code that writes or compares the old label breaks.")
                                : Optional.empty()),
                rule("add-required-column")
                        .describedAs("ADD COLUMN … NOT NULL without a default on an existing table")
                        .level(Severity.WARNING, Risk.HIGH)
                        .help("Add the column nullable (or with a default), backfill it in batches, then add NOT NULL "
                                + "(PostgreSQL: via a CHECK … NOT VALID, VALIDATE, then SET NOT NULL).")
                        .example(RuleExample.of("postgres", "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;",
                                "ALTER TABLE users ADD COLUMN tenant_id bigint;"))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m)) {
                                return Optional.empty();
                            }
                            for (SqlTokens a : s.alterActions()) {
                                Optional<ColumnDefinition> c = ColumnDefinition.added(a);
                                if (c.isPresent() && c.get().notNull() && !nonNullDefault(c.get()) && !c.get().filledByDatabase()) {
                                    String why = switch (s.view().dialect()) {
                                        case "mysql", "mariadb" -> "MySQL fills existing rows with the type's zero value silently";
                                        default -> "it fails when the table has rows";
                                    };
                                    return BuiltinRule.Hit.of("Column " + c.get().name() + " is NOT NULL with no default: "
                                            + why + ", and inserts from running code that omit it fail.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("change-column-type")
                        .describedAs("Changing a column's type (ALTER COLUMN TYPE, MODIFY, CHANGE)")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres", "mysql")
                        .help("Add a new column of the new type, backfill it in batches, switch code, then drop the old one. "
                                + "PostgreSQL: growing varchar/numeric or varchar→text needs no rewrite.")
                        .example(RuleExample.of("postgres", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);",
                                "ALTER TABLE orders ADD COLUMN total_v2 numeric(12,2);"))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (a.matches(0, "ALTER")) {
                                    int type = a.indexOfTopLevel(0, "TYPE");
                                    if (type > 0 && !a.get(type - 1).is("SET") || a.containsTopLevel("SET", "DATA", "TYPE")) {
                                        int at = a.containsTopLevel("SET", "DATA", "TYPE") ? a.indexOfTopLevel(0, "TYPE") + 1 : type + 1;
                                        String target = a.word(at);
                                        if (target.equals("TEXT") || target.equals("VARCHAR") && !a.get(at + 1).is("(")) {
                                            return BuiltinRule.Hit.of("The column becomes " + target + ": no rewrite if it was "
                                                    + "varchar/text, otherwise the table is rewritten under ACCESS EXCLUSIVE.", Risk.MEDIUM);
                                        }
                                        return BuiltinRule.Hit.of("ALTER COLUMN … TYPE rewrites " + Facts.table(s)
                                                + " and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait), "
                                                + "and may break code expecting the old type.");
                                    }
                                }
                                if (a.matches(0, "MODIFY") || a.matches(0, "CHANGE")) {
                                    return BuiltinRule.Hit.of(a.word(0) + " redefines the column: unless the change is INSTANT "
                                            + "or INPLACE, MySQL copies the table and blocks writes for the duration.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("column-position")
                        .describedAs("ADD/MODIFY COLUMN … FIRST or AFTER reorders columns")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("mysql")
                        .help("Add columns at the end; column order does not matter to code that names its columns.")
                        .example(RuleExample.of("mysql", "ALTER TABLE users ADD COLUMN middle_name varchar(100) AFTER first_name, ALGORITHM=INSTANT;",
                                "ALTER TABLE users ADD COLUMN middle_name varchar(100), ALGORITHM=INSTANT;"))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if ((a.matches(0, "ADD") || a.matches(0, "MODIFY") || a.matches(0, "CHANGE"))
                                        && (a.containsTopLevel("FIRST") || a.containsTopLevel("AFTER"))) {
                                    TargetServer t = TargetServer.of(s.view());
                                    return BuiltinRule.Hit.of("The column is placed with FIRST/AFTER on " + t.describe()
                                            + ": this copies the table unless the server does it instantly (MySQL ≥ 8.0.29, "
                                            + "MariaDB ≥ 10.4), and code using SELECT * or positional INSERT sees a new order; "
                                            + "add ALGORITHM=INSTANT to fail fast instead of copying.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("insert-without-columns")
                        .describedAs("INSERT without a column list, or INSERT … SELECT *")
                        .level(Severity.INFO, Risk.LOW)
                        .help("Name the target columns (and the selected ones) explicitly.")
                        .example(RuleExample.of("postgres", "INSERT INTO roles VALUES (1, 'admin');",
                                "INSERT INTO roles (id, name) VALUES (1, 'admin');"))
                        .detects((s, m) -> s.view().kind() == StatementKind.INSERT && Facts.onExistingTable(s, m)
                                && (!s.view().has(Clause.COLUMN_LIST) || s.tokens().contains("SELECT", "*"))
                                ? BuiltinRule.Hit.of("The INSERT depends on the table's column order, which differs between "
                                        + "environments and changes with later migrations.")
                                : Optional.empty()),
                rule("json-not-jsonb")
                        .describedAs("A new column of type json rather than jsonb")
                        .level(Severity.INFO, Risk.LOW).dialects("postgres")
                        .help("Use jsonb: it has equality and indexing; json breaks SELECT DISTINCT, GROUP BY and UNION.")
                        .example(RuleExample.of("postgres", "ALTER TABLE events ADD COLUMN payload json;",
                                "ALTER TABLE events ADD COLUMN payload jsonb;"))
                        .detects((s, m) -> s.addedColumns().stream().anyMatch(c -> c.baseType().equals("JSON"))
                                ? BuiltinRule.Hit.of("A json column has no equality operator: SELECT DISTINCT, UNION and GROUP BY on it fail.")
                                : Optional.empty()),
                rule("add-constraint")
                        .describedAs("A new UNIQUE, PRIMARY KEY, FOREIGN KEY or CHECK on an existing table (MySQL, SQLite)")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("mysql", "sqlite")
                        .help("Clean the data and deploy code that satisfies the constraint first; on MySQL run with "
                                + "ALGORITHM=INPLACE, LOCK=NONE or an online schema-change tool.")
                        .example(RuleExample.of("mysql", "ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE (email);",
                                "CREATE TABLE invites (id bigint PRIMARY KEY, email varchar(255) NOT NULL, UNIQUE (email));"))
                        .detects((s, m) -> {
                            if (s.view().kind() == StatementKind.CREATE_INDEX && s.view().has(Clause.UNIQUE)
                                    && Facts.onExistingTable(s, m)) {
                                return BuiltinRule.Hit.of("A unique index on an existing table fails on duplicates and "
                                        + "rejects writes that running code still makes.");
                            }
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (Facts.addsConstraint(a, "UNIQUE") || Facts.addsConstraint(a, "PRIMARY")
                                        || Facts.addsConstraint(a, "FOREIGN") || Facts.addsConstraint(a, "CHECK")) {
                                    return BuiltinRule.Hit.of("The new constraint is checked against every row (writes are "
                                            + "blocked while MySQL copies or scans) and rejects writes running code still makes.");
                                }
                            }
                            return Optional.empty();
                        }));
    }

    private static boolean nonNullDefault(ColumnDefinition c) {
        return c.defaultExpression().map(d -> !d.isEmpty() && !(d.size() == 1 && d.get(0).is("NULL"))).orElse(false);
    }

    /** The old name when the action renames a column. */
    static Optional<String> renamedColumn(SqlTokens a) {
        if (a.matches(0, "RENAME") && !a.matches(1, "TO") && !a.matches(1, "AS") && !a.matches(1, "INDEX")
                && !a.matches(1, "KEY") && !a.matches(1, "CONSTRAINT")) {
            return a.nameAt(LexicalClassifier.skipWords(a, 1, "COLUMN")).map(SqlTokens.Name::text);
        }
        if (a.matches(0, "CHANGE")) {
            int at = LexicalClassifier.skipWords(a, 1, "COLUMN");
            Optional<SqlTokens.Name> old = a.nameAt(at);
            Optional<SqlTokens.Name> now = old.flatMap(o -> a.nameAt(o.next()));
            if (old.isPresent() && now.isPresent() && !old.get().text().equalsIgnoreCase(now.get().text())) {
                return Optional.of(old.get().text());
            }
        }
        return Optional.empty();
    }
}
