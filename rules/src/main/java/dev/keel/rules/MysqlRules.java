package dev.keel.rules;

import static dev.keel.rules.BuiltinRule.rule;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;

/** MySQL and MariaDB specific rules (RULES.md section D, and row 60). */
final class MysqlRules {

    private MysqlRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("mysql-algorithm-copy-or-lock")
                        .describedAs("ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE: offline DDL")
                        .level(Severity.WARNING, Risk.HIGH).dialects("mysql")
                        .help("Use ALGORITHM=INPLACE (or INSTANT) with LOCK=NONE; when MySQL cannot, use gh-ost or pt-online-schema-change.")
                        .example(RuleExample.of("mysql", "ALTER TABLE orders ADD INDEX orders_created_idx (created_at), ALGORITHM=COPY;",
                                "ALTER TABLE orders ADD INDEX orders_created_idx (created_at), ALGORITHM=INPLACE, LOCK=NONE;"))
                        .detects((s, m) -> {
                            SqlTokens t = s.tokens();
                            boolean copy = t.contains("ALGORITHM", "=", "COPY") || t.contains("ALGORITHM", "COPY");
                            boolean lock = t.contains("LOCK", "=", "SHARED") || t.contains("LOCK", "=", "EXCLUSIVE")
                                    || t.contains("LOCK", "SHARED") || t.contains("LOCK", "EXCLUSIVE");
                            boolean ddl = s.view().kind() == StatementKind.ALTER_TABLE || s.view().kind() == StatementKind.CREATE_INDEX
                                    || s.view().kind() == StatementKind.DROP_INDEX;
                            return ddl && (copy || lock)
                                    ? BuiltinRule.Hit.of(copy ? "ALGORITHM=COPY copies the table and blocks writes for the duration."
                                            : "LOCK=SHARED/EXCLUSIVE blocks writes (EXCLUSIVE: reads too) for the whole operation.")
                                    : Optional.empty();
                        }),
                rule("mysql-alter-without-algorithm")
                        .describedAs("ALTER TABLE with no explicit ALGORITHM/LOCK clause may silently copy the table")
                        .level(Severity.INFO, Risk.LOW).dialects("mysql")
                        .help("State ALGORITHM=INSTANT or INPLACE and LOCK=NONE: MySQL then fails fast instead of copying.")
                        .example(RuleExample.of("mysql", "ALTER TABLE orders ADD COLUMN note varchar(200);",
                                "ALTER TABLE orders ADD COLUMN note varchar(200), ALGORITHM=INSTANT;"))
                        .detects((s, m) -> s.view().kind() == StatementKind.ALTER_TABLE && Facts.onExistingTable(s, m)
                                && !s.tokens().contains("ALGORITHM") && !s.tokens().contains("LOCK")
                                ? BuiltinRule.Hit.of("Without ALGORITHM/LOCK, MySQL silently falls back to a blocking table copy "
                                        + "when the change cannot be done in place.")
                                : Optional.empty()),
                rule("mysql-inline-references-ignored")
                        .describedAs("Column-level REFERENCES, which MySQL before 9.0 parses and ignores")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("mysql")
                        .help("Declare the key as a table constraint: FOREIGN KEY (col) REFERENCES parent (id).")
                        .example(RuleExample.of("mysql", """
                                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
                                """, """
                                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint,
                                    FOREIGN KEY (user_id) REFERENCES users (id));
                                """))
                        .detects((s, m) -> {
                            TargetServer t = TargetServer.of(s.view());
                            if (!t.mariaDb() && t.atLeast(9, 0) || t.mariaDb() && t.atLeast(10, 5)) {
                                return Optional.empty();
                            }
                            return s.addedColumns().stream().anyMatch(c -> c.has("REFERENCES"))
                                    ? BuiltinRule.Hit.of("On " + t.describe() + " an inline REFERENCES creates no foreign key: "
                                            + "the constraint silently does not exist.")
                                    : Optional.empty();
                        }),
                rule("mysql-expression-default")
                        .describedAs("ADD COLUMN … DEFAULT (expression) on an existing table")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("mysql")
                        .help("Add the column with a literal default (or none), then backfill in batches.")
                        .example(RuleExample.of("mysql", "ALTER TABLE orders ADD COLUMN token varchar(36) DEFAULT (uuid()), ALGORITHM=INPLACE;",
                                "ALTER TABLE orders ADD COLUMN token varchar(36) DEFAULT '', ALGORITHM=INSTANT;"))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m)) {
                                return Optional.empty();
                            }
                            for (SqlTokens a : s.alterActions()) {
                                Optional<SqlTokens> d = ColumnDefinition.added(a).flatMap(ColumnDefinition::defaultExpression);
                                if (d.isPresent() && d.get().get(0).is("(")) {
                                    return BuiltinRule.Hit.of("An expression default (even `(3)`) cannot be added instantly: "
                                            + "MySQL copies the table and blocks writes.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("mysql-non-innodb-engine")
                        .describedAs("A table with an ENGINE other than InnoDB")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("mysql")
                        .help("Use ENGINE=InnoDB: other engines are not transactional or crash-safe.")
                        .example(RuleExample.of("mysql", "CREATE TABLE page_hits (id bigint PRIMARY KEY, url varchar(500)) ENGINE=MyISAM;",
                                "CREATE TABLE page_hits (id bigint PRIMARY KEY, url varchar(500)) ENGINE=InnoDB;"))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.CREATE_TABLE && s.view().kind() != StatementKind.ALTER_TABLE) {
                                return Optional.empty();
                            }
                            SqlTokens t = s.tokens();
                            int e = t.indexOfTopLevel(0, "ENGINE");
                            if (e < 0) {
                                return Optional.empty();
                            }
                            int v = t.get(e + 1).is("=") ? e + 2 : e + 1;
                            String engine = t.get(v).text();
                            return engine.equalsIgnoreCase("InnoDB") || engine.isEmpty() ? Optional.empty()
                                    : BuiltinRule.Hit.of("ENGINE=" + engine + " is not transactional: a failed migration or "
                                            + "crash leaves partial changes.");
                        }),
                rule("mysql-dml-limit")
                        .describedAs("UPDATE or DELETE with LIMIT or ORDER BY")
                        .level(Severity.INFO, Risk.LOW).dialects("mysql")
                        .help("Select the rows by key (WHERE id BETWEEN …) so every replica changes the same rows.")
                        .example(RuleExample.of("mysql", "DELETE FROM sessions WHERE expires_at < NOW() LIMIT 1000;",
                                "DELETE FROM sessions WHERE id BETWEEN 1 AND 1000 AND expires_at < NOW();"))
                        .detects((s, m) -> (s.view().kind() == StatementKind.UPDATE || s.view().kind() == StatementKind.DELETE)
                                && (s.view().has(Clause.LIMIT) || s.view().has(Clause.ORDER_BY))
                                ? BuiltinRule.Hit.of("With LIMIT/ORDER BY the rows changed are not deterministic under "
                                        + "statement-based replication: replicas can diverge.")
                                : Optional.empty()));
    }
}
