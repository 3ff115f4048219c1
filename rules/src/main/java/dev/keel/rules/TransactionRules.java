package dev.keel.rules;

import static dev.keel.rules.BuiltinRule.rule;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;

/** Transactions, robustness and DML volume (RULES.md section F), and statements Keel cannot read. */
final class TransactionRules {

    private TransactionRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("uncommitted-transaction")
                        .describedAs("BEGIN with no later COMMIT")
                        .level(Severity.ERROR, Risk.HIGH)
                        .help("End every explicit transaction with COMMIT, or drop BEGIN and let Keel wrap the migration.")
                        .example(RuleExample.of("postgres", """
                                -- keel:transaction none
                                BEGIN;
                                UPDATE accounts SET active = false WHERE last_login < '2020-01-01';
                                """, """
                                -- keel:transaction none
                                BEGIN;
                                UPDATE accounts SET active = false WHERE last_login < '2020-01-01';
                                COMMIT;
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.BEGIN) {
                                return Optional.empty();
                            }
                            for (ParsedStatement p : m.after(s.view())) {
                                if (p.kind() == StatementKind.COMMIT || p.kind() == StatementKind.ROLLBACK) {
                                    return Optional.empty();
                                }
                                if (p.kind() == StatementKind.BEGIN) {
                                    break;
                                }
                            }
                            return BuiltinRule.Hit.of("The transaction opened here is never committed: its changes are rolled "
                                    + "back when the connection closes.");
                        }),
                rule("transaction-in-wrapped-migration")
                        .describedAs("BEGIN/COMMIT/ROLLBACK in a migration that Keel already runs in a transaction")
                        .level(Severity.WARNING, Risk.MEDIUM)
                        .help("Remove the explicit transaction control, or mark the file `-- keel:transaction none`.")
                        .example(RuleExample.of("postgres", """
                                BEGIN;
                                UPDATE accounts SET active = false WHERE last_login < '2020-01-01';
                                COMMIT;
                                """, """
                                UPDATE accounts SET active = false WHERE last_login < '2020-01-01';
                                """))
                        .detects((s, m) -> m.wrapped()
                                && (s.view().kind() == StatementKind.BEGIN || s.view().kind() == StatementKind.COMMIT
                                || s.view().kind() == StatementKind.ROLLBACK)
                                ? BuiltinRule.Hit.of(s.tokens().word(0) + " inside the transaction Keel opens: it nests or ends "
                                        + "that transaction early, so a later failure is no longer rolled back.")
                                : Optional.empty()),
                rule("pg-non-transactional-mixed")
                        .describedAs("A statement that cannot run in a transaction mixed with other statements")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("Put CONCURRENTLY, VACUUM and CREATE/DROP DATABASE statements in a migration of their own, "
                                + "marked `-- keel:transaction none`.")
                        .example(RuleExample.of("postgres", """
                                -- keel:transaction none
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                UPDATE orders SET archived = false WHERE archived IS NULL;
                                """, """
                                -- keel:transaction none
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                """))
                        .detects((s, m) -> {
                            if (!nonTransactional(s.view())) {
                                return Optional.empty();
                            }
                            long others = m.statements().stream().filter(p -> p != s.view() && p.kind() != StatementKind.SET
                                    && p.kind() != StatementKind.COMMENT && !nonTransactional(p)).count();
                            return others == 0 ? Optional.empty()
                                    : BuiltinRule.Hit.of("This statement cannot be rolled back with the " + others
                                            + " other statement(s) of the migration: a failure leaves it partly applied.");
                        }),
                rule("non-idempotent-ddl")
                        .describedAs("DDL without IF [NOT] EXISTS in a migration that runs outside a transaction")
                        .level(Severity.INFO, Risk.LOW).dialects("postgres", "mysql", "sqlite")
                        .help("Use CREATE … IF NOT EXISTS / DROP … IF EXISTS so a re-run after a partial failure succeeds.")
                        .example(RuleExample.of("postgres", """
                                -- keel:transaction none
                                CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
                                """, """
                                -- keel:transaction none
                                CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, entry text);
                                """))
                        .detects((s, m) -> {
                            if (m.wrapped() || m.inTransaction(s.view())) {
                                return Optional.empty();
                            }
                            boolean idempotentForm = switch (s.view().kind()) {
                                case CREATE_TABLE, CREATE_INDEX, CREATE_SCHEMA, CREATE_SEQUENCE, DROP_TABLE, DROP_INDEX,
                                     DROP_SCHEMA, DROP_OTHER, CREATE_VIEW -> true;
                                default -> false;
                            };
                            return idempotentForm && !s.view().has(Clause.IF_EXISTS) && !s.view().has(Clause.IF_NOT_EXISTS)
                                    && !s.view().has(Clause.OR_REPLACE)
                                    ? BuiltinRule.Hit.of("Outside a transaction a failure after this statement leaves it applied; "
                                            + "re-running the migration then fails here.")
                                    : Optional.empty();
                        }),
                rule("backfill-in-ddl-transaction")
                        .describedAs("UPDATE/DELETE of a table altered earlier in the same transaction")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres", "sqlite")
                        .help("Commit the DDL first; backfill in a separate migration, in batches.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE users ADD COLUMN locale text;
                                UPDATE users SET locale = 'en' WHERE locale IS NULL;
                                """, """
                                -- the column was added by the migration before
                                UPDATE users SET locale = 'en' WHERE locale IS NULL AND id BETWEEN 1 AND 10000;
                                """))
                        .detects((s, m) -> {
                            if ((s.view().kind() != StatementKind.UPDATE && s.view().kind() != StatementKind.DELETE)
                                    || !Facts.onExistingTable(s, m) || !m.inTransaction(s.view())) {
                                return Optional.empty();
                            }
                            String table = Facts.simple(s.view().table().orElse(""));
                            for (ParsedStatement p : m.before(s.view())) {
                                if (p.kind() == StatementKind.COMMIT && !m.wrapped()) {
                                    return Optional.empty();
                                }
                                if (p.kind() == StatementKind.ALTER_TABLE && p.table().map(Facts::simple).orElse("").equals(table)) {
                                    return BuiltinRule.Hit.of("The backfill runs in the transaction that altered " + table
                                            + ": the ALTER's lock is held for the whole backfill.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("missing-statement-timeout")
                        .describedAs("A migration with locking DDL and no statement timeout")
                        .level(Severity.INFO, Risk.LOW).dialects("postgres", "mysql")
                        .help("PostgreSQL: SET statement_timeout; MySQL: SET SESSION lock_wait_timeout (DDL) or max_execution_time.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD COLUMN note text;
                                """, """
                                SET statement_timeout = '5min';
                                ALTER TABLE orders ADD COLUMN note text;
                                """))
                        .detects((s, m) -> {
                            boolean ddl = s.view().kind() == StatementKind.ALTER_TABLE && Facts.onExistingTable(s, m)
                                    || Facts.locksExistingTable(s, m);
                            if (!ddl || Facts.setBefore(s, m, "statement_timeout", "max_execution_time", "lock_wait_timeout")) {
                                return Optional.empty();
                            }
                            boolean first = m.before(s.view()).stream().noneMatch(p -> {
                                JsqlParsedStatement j = JsqlParsedStatement.of(p);
                                return p.kind() == StatementKind.ALTER_TABLE && Facts.onExistingTable(j, m) || Facts.locksExistingTable(j, m);
                            });
                            return first ? BuiltinRule.Hit.of("No statement timeout is set: a slow statement runs (and holds "
                                    + "its locks) without limit.") : Optional.empty();
                        }),
                rule("unrecognised-statement")
                        .describedAs("A statement Keel could neither parse nor classify")
                        .level(Severity.INFO, Risk.MEDIUM)
                        .help("Check the statement by hand, or accept it with `-- keel:allow unrecognised-statement <reason>`.")
                        .example(RuleExample.of("postgres", "DO $$ BEGIN UPDATE orders SET archived = true WHERE created_at < '2020-01-01'; END $$;",
                                "UPDATE orders SET archived = true WHERE created_at < '2020-01-01';"))
                        .detects((s, m) -> s.view().lexicalFallback() && s.view().kind() == StatementKind.OTHER
                                ? BuiltinRule.Hit.of("Keel could not parse this statement; it was not checked by the rules and "
                                        + "is treated as medium risk.")
                                : Optional.empty()));
    }

    static boolean nonTransactional(ParsedStatement p) {
        return p.has(Clause.CONCURRENTLY) && PostgresRules.concurrentKind(p) || p.kind() == StatementKind.VACUUM
                || p.kind() == StatementKind.CREATE_DATABASE || p.kind() == StatementKind.DROP_DATABASE;
    }
}
