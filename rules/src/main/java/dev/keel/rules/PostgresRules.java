package dev.keel.rules;

import static dev.keel.rules.BuiltinRule.rule;

import dev.keel.spi.rule.Clause;
import dev.keel.spi.rule.MigrationContext;
import dev.keel.spi.rule.ParsedStatement;
import dev.keel.spi.Risk;
import dev.keel.spi.rule.Rule;
import dev.keel.spi.rule.Severity;
import dev.keel.spi.rule.SqlObject;
import dev.keel.spi.rule.StatementKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL locks and rewrites (RULES.md section C). */
final class PostgresRules {

    /** Functions whose value differs per row: a default using one rewrites the table. */
    static final Set<String> VOLATILE = Set.of("RANDOM", "CLOCK_TIMESTAMP", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV7", "UUID_GENERATE_V7", "TIMEOFDAY", "NEXTVAL", "SETSEED",
            "TXID_CURRENT");

    private PostgresRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule("pg-index-not-concurrent")
                        .describedAs("CREATE INDEX without CONCURRENTLY on an existing table")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction "
                                + "(`-- keel:transaction none`); a table created in the same migration is exempt.")
                        .example(RuleExample.of("postgres", """
                                CREATE INDEX orders_created_idx ON orders (created_at);
                                """, """
                                -- keel:transaction none
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                """))
                        .detects((s, m) -> s.view().kind() == StatementKind.CREATE_INDEX && !s.view().has(Clause.CONCURRENTLY)
                                && Facts.onExistingTable(s, m)
                                ? BuiltinRule.Hit.of("CREATE INDEX takes a SHARE lock on " + Facts.table(s)
                                        + ": writes are blocked for the whole index build.")
                                : Optional.empty()),
                rule("pg-drop-index-not-concurrent")
                        .describedAs("DROP INDEX without CONCURRENTLY")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("DROP INDEX CONCURRENTLY, outside a transaction.")
                        .example(RuleExample.of("postgres", """
                                DROP INDEX orders_created_idx;
                                """, """
                                -- keel:transaction none
                                DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;
                                """))
                        .detects((s, m) -> s.view().kind() == StatementKind.DROP_INDEX && !s.view().has(Clause.CONCURRENTLY)
                                && !indexCreatedBefore(s, m)
                                ? BuiltinRule.Hit.of("DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: reads and writes wait.")
                                : Optional.empty()),
                rule("pg-concurrently-in-transaction")
                        .describedAs("CONCURRENTLY inside a transaction")
                        .level(Severity.ERROR, Risk.HIGH).dialects("postgres")
                        .help("Put the statement in its own migration marked `-- keel:transaction none`, with no BEGIN.")
                        .example(RuleExample.of("postgres", """
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                """, """
                                -- keel:transaction none
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                """))
                        .detects((s, m) -> s.view().has(Clause.CONCURRENTLY) && concurrentKind(s.view())
                                && Facts.inTransaction(s, m)
                                ? BuiltinRule.Hit.of("CONCURRENTLY cannot run inside a transaction block: the statement fails"
                                        + (m.wrapped()
                                        ? " (this migration is wrapped in a transaction)." : " (an explicit BEGIN is open)."))
                                : Optional.empty()),
                rule("pg-reindex-not-concurrent")
                        .describedAs("REINDEX without CONCURRENTLY")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("REINDEX … CONCURRENTLY (PostgreSQL 12+); before 12, CREATE INDEX CONCURRENTLY a copy and swap.")
                        .example(RuleExample.of("postgres", """
                                REINDEX INDEX orders_created_idx;
                                """, """
                                -- keel:transaction none
                                REINDEX INDEX CONCURRENTLY orders_created_idx;
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.REINDEX || s.view().has(Clause.CONCURRENTLY)
                                    || s.tokens().indexOf(0, "CONCURRENTLY") >= 0) {
                                return Optional.empty();
                            }
                            TargetServer t = TargetServer.of(s.view());
                            return BuiltinRule.Hit.of("REINDEX blocks writes to the table (and reads that use the index)"
                                    + (t.atLeast(12, 0) ? "." : "; " + t.describe() + " has no REINDEX CONCURRENTLY."));
                        }),
                rule("pg-detach-partition-not-concurrent")
                        .describedAs("ALTER TABLE … DETACH PARTITION without CONCURRENTLY")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+), outside a transaction.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE measurements DETACH PARTITION measurements_2023;
                                """, """
                                -- keel:transaction none
                                ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;
                                """).onVersion(14, 0))
                        .detects((s, m) -> {
                            for (SqlTokens a : s.alterActions()) {
                                if (a.matches(0, "DETACH", "PARTITION") && !a.contains("CONCURRENTLY") && !a.contains("FINALIZE")) {
                                    TargetServer t = TargetServer.of(s.view());
                                    return BuiltinRule.Hit.of("DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the parent table"
                                            + (t.atLeast(14, 0) ? "." : "; " + t.describe() + " has no CONCURRENTLY form."));
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-vacuum-full-or-cluster")
                        .describedAs("VACUUM FULL or CLUSTER rewrites the table under an exclusive lock")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("Use plain VACUUM, or pg_repack / REPACK CONCURRENTLY (PostgreSQL 19) for an online rewrite.")
                        .example(RuleExample.of("postgres", """
                                -- keel:transaction none
                                VACUUM FULL orders;
                                """, """
                                -- keel:transaction none
                                VACUUM (ANALYZE) orders;
                                """))
                        .detects((s, m) -> s.view().kind() == StatementKind.CLUSTER
                                || s.view().kind() == StatementKind.VACUUM && s.tokens().contains("FULL")
                                ? BuiltinRule.Hit.of(s.tokens().word(0) + " rewrites the table under an ACCESS EXCLUSIVE lock: "
                                        + "reads and writes wait for the whole rewrite.")
                                : Optional.empty()),
                rule("pg-add-unique-constraint")
                        .describedAs("ADD CONSTRAINT … UNIQUE (or an inline UNIQUE column) builds an index under a lock")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE USING INDEX.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
                                """, """
                                -- users_email_idx was built with CREATE UNIQUE INDEX CONCURRENTLY in the migration before
                                ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
                                """))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                boolean inline = ColumnDefinition.added(a).map(c -> c.has("UNIQUE")).orElse(false);
                                if (Facts.addsConstraint(a, "UNIQUE") && !a.contains("USING", "INDEX") || inline) {
                                    return BuiltinRule.Hit.of("The unique index is built while writes to " + Facts.table(s)
                                            + " are blocked, and the statement fails on duplicates.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-add-primary-key")
                        .describedAs("ADD PRIMARY KEY without USING INDEX")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("CREATE UNIQUE INDEX CONCURRENTLY, make the columns NOT NULL safely (CHECK … NOT VALID, "
                                + "VALIDATE), then ADD CONSTRAINT … PRIMARY KEY USING INDEX.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE events ADD PRIMARY KEY (id);
                                """, """
                                -- events_id_idx was built with CREATE UNIQUE INDEX CONCURRENTLY in the migration before
                                ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;
                                """))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                boolean inline = ColumnDefinition.added(a).map(ColumnDefinition::primaryKey).orElse(false);
                                if (Facts.addsConstraint(a, "PRIMARY", "KEY") && !a.contains("USING", "INDEX") || inline) {
                                    return BuiltinRule.Hit.of("ADD PRIMARY KEY builds an index and sets NOT NULL with a full "
                                            + "scan under an ACCESS EXCLUSIVE lock.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-fk-without-not-valid")
                        .describedAs("ADD FOREIGN KEY or REFERENCES without NOT VALID")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.")
                        .example(RuleExample.of("postgres", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
                                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                boolean inline = ColumnDefinition.added(a).map(c -> c.has("REFERENCES")).orElse(false);
                                if (Facts.addsConstraint(a, "FOREIGN", "KEY") && !a.containsTopLevel("NOT", "VALID") || inline) {
                                    return BuiltinRule.Hit.of("The foreign key is checked against every row while both "
                                            + Facts.table(s) + " and the referenced table hold SHARE ROW EXCLUSIVE locks (writes wait).");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-check-without-not-valid")
                        .describedAs("ADD CHECK without NOT VALID")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.")
                        .example(RuleExample.of("postgres", "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
                                "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;"))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (Facts.addsConstraint(a, "CHECK") && !a.containsTopLevel("NOT", "VALID")) {
                                    return BuiltinRule.Hit.of("The CHECK is verified against every row under an ACCESS "
                                            + "EXCLUSIVE lock on " + Facts.table(s) + ".");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-validate-in-same-transaction")
                        .describedAs("VALIDATE CONSTRAINT in the same transaction as the ADD … NOT VALID")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("Commit after ADD … NOT VALID; validate in a later migration or after a COMMIT.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
                                """, """
                                -- orders_total_check was added NOT VALID by the migration before
                                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
                                """))
                        .detects((s, m) -> {
                            for (SqlTokens a : s.alterActions()) {
                                if (!a.matches(0, "VALIDATE", "CONSTRAINT") || !Facts.inTransaction(s, m)) {
                                    continue;
                                }
                                String name = a.nameAt(2).map(SqlTokens.Name::text).orElse("");
                                List<ParsedStatement> before = m.before(s.view());
                                for (int i = before.size() - 1; i >= 0; i--) {
                                    ParsedStatement p = before.get(i);
                                    if ((p.kind() == StatementKind.COMMIT || p.kind() == StatementKind.ROLLBACK)
                                            && !m.wrapped()) {
                                        return Optional.empty();
                                    }
                                    SqlTokens t = JsqlParsedStatement.of(p).tokens();
                                    int at = t.indexOf(0, "CONSTRAINT", name);
                                    if (!name.isEmpty() && at >= 0 && t.indexOf(at, "NOT", "VALID") > 0) {
                                        return BuiltinRule.Hit.of("Constraint " + name + " is added NOT VALID and validated in "
                                                + "the same transaction: the ADD's lock is held during validation, which cancels the benefit.");
                                    }
                                }
                            }
                            return Optional.empty();
                        }),
                rule("set-not-null")
                        .describedAs("Making an existing column NOT NULL (SET NOT NULL, MySQL MODIFY … NOT NULL)")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres", "mysql")
                        .help("PostgreSQL: ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL "
                                + "(no scan from 12); MySQL: backfill NULLs first and use ALGORITHM=INPLACE.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                                """, """
                                -- keel:transaction none
                                ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
                                ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
                                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                                """).onVersion(12, 0))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (a.matches(0, "ALTER") && a.containsTopLevel("SET", "NOT", "NULL")) {
                                    String col = a.nameAt(LexicalClassifier.skipWords(a, 1, "COLUMN")).map(SqlTokens.Name::text).orElse("");
                                    if (TargetServer.of(s.view()).atLeast(12, 0) && hasNotNullCheck(s, m, col)) {
                                        continue;
                                    }
                                    return BuiltinRule.Hit.of("SET NOT NULL scans " + Facts.table(s) + " under an ACCESS EXCLUSIVE "
                                            + "lock and fails if any NULL exists.");
                                }
                                if ((a.matches(0, "MODIFY") || a.matches(0, "CHANGE")) && a.containsTopLevel("NOT", "NULL")) {
                                    return BuiltinRule.Hit.of("Redefining the column NOT NULL copies the table (writes blocked) and "
                                            + "fails, or in non-strict sql_mode silently converts, if NULLs exist.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-volatile-default")
                        .describedAs("ADD COLUMN … DEFAULT with a volatile function rewrites the table")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("Add the column without a default (or with a constant), set the default afterwards, and "
                                + "backfill existing rows in batches.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
                                """, """
                                ALTER TABLE orders ADD COLUMN token uuid;
                                ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m)) {
                                return Optional.empty();
                            }
                            for (SqlTokens a : s.alterActions()) {
                                Optional<SqlTokens> d = ColumnDefinition.added(a).flatMap(ColumnDefinition::defaultExpression);
                                if (d.isPresent() && d.get().list().stream().anyMatch(tok -> VOLATILE.contains(tok.word()))) {
                                    return BuiltinRule.Hit.of("A volatile default is computed for every existing row: the table "
                                            + "is rewritten under an ACCESS EXCLUSIVE lock.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-constant-default-before-11")
                        .describedAs("ADD COLUMN … DEFAULT rewrites the table before PostgreSQL 11")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("Add the column without a default, then ALTER COLUMN … SET DEFAULT, and backfill in batches.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';
                                """, """
                                ALTER TABLE orders ADD COLUMN status text;
                                ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
                                """).onVersion(10, 0))
                        .detects((s, m) -> {
                            TargetServer t = TargetServer.of(s.view());
                            if (t.atLeast(11, 0) || s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m)) {
                                return Optional.empty();
                            }
                            for (SqlTokens a : s.alterActions()) {
                                Optional<SqlTokens> d = ColumnDefinition.added(a).flatMap(ColumnDefinition::defaultExpression);
                                if (d.isPresent() && !(d.get().size() == 1 && d.get().get(0).is("NULL"))) {
                                    return BuiltinRule.Hit.of("On " + t.describe() + " ADD COLUMN with a DEFAULT rewrites the "
                                            + "whole table under an ACCESS EXCLUSIVE lock.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("stored-generated-column")
                        .describedAs("ADD COLUMN … GENERATED ALWAYS AS (…) STORED rewrites the table")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres", "mysql")
                        .help("Add a plain column, backfill it in batches and keep it current with a trigger, or use a "
                                + "VIRTUAL generated column (MySQL) / compute it in a view.")
                        .example(RuleExample.of("mysql", "ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) STORED;",
                                "ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) VIRTUAL;"))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m)) {
                                return Optional.empty();
                            }
                            for (SqlTokens a : s.alterActions()) {
                                Optional<ColumnDefinition> c = ColumnDefinition.added(a);
                                if (c.isPresent() && c.get().has("STORED") && (c.get().has("GENERATED") || c.get().has("AS"))) {
                                    return BuiltinRule.Hit.of("A STORED generated column is computed for every row: the table "
                                            + "is rewritten while writes are blocked.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("add-serial-column")
                        .describedAs("ADD COLUMN serial/bigserial, identity or AUTO_INCREMENT on an existing table")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres", "mysql")
                        .help("Add a nullable column, attach a sequence default, backfill in batches, then add NOT NULL "
                                + "and the key constraints.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE events ADD COLUMN id bigserial;
                                """, """
                                CREATE SEQUENCE IF NOT EXISTS events_id_seq;
                                ALTER TABLE events ADD COLUMN id bigint;
                                ALTER TABLE events ALTER COLUMN id SET DEFAULT nextval('events_id_seq');
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m)) {
                                return Optional.empty();
                            }
                            for (SqlTokens a : s.alterActions()) {
                                Optional<ColumnDefinition> c = ColumnDefinition.added(a);
                                if (c.isPresent() && (c.get().serial() || c.get().has("AUTO_INCREMENT")
                                        || c.get().has("GENERATED") && c.get().has("IDENTITY"))) {
                                    return BuiltinRule.Hit.of("Every existing row gets a generated value: the table is rewritten "
                                            + "with writes blocked (and MySQL replicas may number rows differently).");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-exclusion-constraint")
                        .describedAs("ADD CONSTRAINT … EXCLUDE on an existing table")
                        .level(Severity.WARNING, Risk.HIGH).dialects("postgres")
                        .help("Exclusion constraints cannot be NOT VALID: add them while the table is small, or in a "
                                + "maintenance window.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
                                    EXCLUDE USING gist (room_id WITH =, during WITH &&);
                                """, """
                                CREATE TABLE bookings (room_id int NOT NULL, during tstzrange NOT NULL,
                                    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&));
                                """))
                        .detects((s, m) -> {
                            for (SqlTokens a : Facts.actionsOnExistingTable(s, m)) {
                                if (Facts.addsConstraint(a, "EXCLUDE")) {
                                    return BuiltinRule.Hit.of("The exclusion constraint's index is built and checked under an "
                                            + "ACCESS EXCLUSIVE lock, with no NOT VALID escape.");
                                }
                            }
                            return Optional.empty();
                        }),
                rule("pg-domain-constraint")
                        .describedAs("CREATE DOMAIN … CHECK or ALTER DOMAIN ADD CONSTRAINT")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("ALTER DOMAIN … ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT separately; prefer "
                                + "table CHECK constraints.")
                        .example(RuleExample.of("postgres", "ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0);",
                                "ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0) NOT VALID;"))
                        .detects((s, m) -> {
                            ParsedStatement v = s.view();
                            if (v.kind() == StatementKind.CREATE_DOMAIN && s.tokens().contains("CHECK")) {
                                return BuiltinRule.Hit.of("Constraints on a domain are re-checked on every column that uses it "
                                        + "whenever they change.");
                            }
                            if (v.kind() == StatementKind.ALTER_DOMAIN && s.tokens().contains("ADD")
                                    && !s.tokens().containsTopLevel("NOT", "VALID")) {
                                return BuiltinRule.Hit.of("ALTER DOMAIN … ADD CONSTRAINT scans every column of every table "
                                        + "that uses the domain, under lock.");
                            }
                            return Optional.empty();
                        }),
                rule("pg-enum-hygiene")
                        .describedAs("CREATE TYPE … AS ENUM, or ALTER TYPE … ADD VALUE without BEFORE/AFTER")
                        .level(Severity.INFO, Risk.LOW).dialects("postgres")
                        .help("Prefer a lookup table or a CHECK constraint; when adding a value, say where with BEFORE/AFTER.")
                        .example(RuleExample.of("postgres", "ALTER TYPE order_status ADD VALUE 'refunded';",
                                "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';"))
                        .detects((s, m) -> {
                            ParsedStatement v = s.view();
                            if (v.kind() == StatementKind.CREATE_TYPE && s.tokens().contains("AS", "ENUM")) {
                                return BuiltinRule.Hit.of("Enum values cannot be removed or reordered later without recreating the type.");
                            }
                            if (v.kind() == StatementKind.ALTER_TYPE && s.tokens().contains("ADD", "VALUE")
                                    && !s.tokens().contains("BEFORE") && !s.tokens().contains("AFTER")) {
                                return BuiltinRule.Hit.of("The new enum value is appended: its sort order may not be what code expects.");
                            }
                            return Optional.empty();
                        }),
                rule("pg-lock-held-across-statements")
                        .describedAs("An ACCESS EXCLUSIVE lock held while later statements of the same transaction run")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("Put the locking ALTER in its own migration (or last), so the lock is released right away.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD COLUMN note text;
                                CREATE TABLE order_notes (id bigint PRIMARY KEY, note text);
                                """, """
                                CREATE TABLE order_notes (id bigint PRIMARY KEY, note text);
                                ALTER TABLE orders ADD COLUMN note text;
                                """))
                        .detects((s, m) -> {
                            if (s.view().kind() != StatementKind.ALTER_TABLE || !Facts.onExistingTable(s, m) || !Facts.inTransaction(s, m)) {
                                return Optional.empty();
                            }
                            long later = 0;
                            for (ParsedStatement p : m.after(s.view())) {
                                if (p.kind() == StatementKind.COMMIT || p.kind() == StatementKind.ROLLBACK) {
                                    break;
                                }
                                if (p.kind() != StatementKind.SET && p.kind() != StatementKind.SELECT
                                        && p.kind() != StatementKind.COMMENT) {
                                    later++;
                                }
                            }
                            return later == 0 ? Optional.empty()
                                    : BuiltinRule.Hit.of("The ACCESS EXCLUSIVE lock on " + Facts.table(s) + " is held until commit, "
                                            + "while " + later + " later statement(s) run: every query on the table waits.");
                        }),
                rule("pg-missing-lock-timeout")
                        .describedAs("Locking DDL on an existing table with no earlier SET lock_timeout")
                        .level(Severity.WARNING, Risk.MEDIUM).dialects("postgres")
                        .help("Start the migration with `SET lock_timeout = '5s';` (and retry), so a waiting lock does not "
                                + "queue every other query behind it.")
                        .example(RuleExample.of("postgres", """
                                ALTER TABLE orders ADD COLUMN note text;
                                """, """
                                SET lock_timeout = '5s';
                                ALTER TABLE orders ADD COLUMN note text;
                                """))
                        .detects((s, m) -> Facts.locksExistingTable(s, m) && !Facts.setBefore(s, m, "lock_timeout")
                                && m.before(s.view()).stream().noneMatch(p -> Facts.locksExistingTable(JsqlParsedStatement.of(p), m))
                                ? BuiltinRule.Hit.of("No lock_timeout is set: while this statement waits for its lock, every "
                                        + "later query on " + Facts.table(s) + " queues behind it.")
                                : Optional.empty()),
                rule("pg-concurrent-index-corruption")
                        .describedAs("CREATE INDEX / REINDEX CONCURRENTLY on PostgreSQL 14.0–14.3")
                        .level(Severity.ERROR, Risk.HIGH).dialects("postgres")
                        .help("Upgrade to PostgreSQL 14.4 or later before building indexes concurrently, and REINDEX "
                                + "indexes built concurrently on 14.0–14.3.")
                        .example(RuleExample.of("postgres", """
                                -- keel:transaction none
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                """, """
                                -- keel:transaction none
                                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                                """).onVersion(14, 2).goodOnVersion(14, 4))
                        .detects((s, m) -> {
                            TargetServer t = TargetServer.of(s.view());
                            return !t.assumed() && t.major() == 14 && t.minor() <= 3 && s.view().has(Clause.CONCURRENTLY)
                                    && (s.view().kind() == StatementKind.CREATE_INDEX || s.view().kind() == StatementKind.REINDEX)
                                    ? BuiltinRule.Hit.of("On " + t.describe() + " concurrent index builds can silently corrupt the index.")
                                    : Optional.empty();
                        }));
    }

    static boolean concurrentKind(ParsedStatement v) {
        return switch (v.kind()) {
            case CREATE_INDEX, DROP_INDEX, REINDEX, ALTER_TABLE -> true;
            default -> false;
        };
    }

    private static boolean indexCreatedBefore(JsqlParsedStatement s, MigrationContext m) {
        List<String> dropped = s.view().names(SqlObject.Type.INDEX);
        for (ParsedStatement p : m.before(s.view())) {
            if (p.kind() == StatementKind.CREATE_INDEX
                    && p.names(SqlObject.Type.INDEX).stream().anyMatch(i -> dropped.stream().anyMatch(d -> Facts.simple(d).equals(Facts.simple(i))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNotNullCheck(JsqlParsedStatement s, MigrationContext m, String col) {
        for (ParsedStatement p : m.before(s.view())) {
            if (JsqlParsedStatement.of(p).tokens().contains(col, "IS", "NOT", "NULL")) {
                return true;
            }
        }
        return false;
    }
}
