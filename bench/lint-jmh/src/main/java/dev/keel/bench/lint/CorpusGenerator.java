package dev.keel.bench.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates the mixed lint corpus, the same every time (fixed seed): for PostgreSQL, MySQL/MariaDB and SQLite, real-
 * looking migrations of DDL (tables, columns, constraints, indexes, views, renames, drops), DML (inserts, updates,
 * deletes with and without WHERE, INSERT … SELECT), routine bodies (PL/pgSQL functions, MySQL procedures, SQLite
 * triggers) and vendor statements JSqlParser 5.3 rejects (they take Keel's lexical fallback). The shapes follow the
 * labelled rule sets of {@code rules/src/test/resources/labelled}.
 */
final class CorpusGenerator {

    /** Statements per dialect. */
    static final int PER_DIALECT = 2_000;
    /** Statements in the whole corpus (three dialects). */
    static final int TOTAL = 3 * PER_DIALECT;
    /** Statements per migration file. */
    static final int PER_FILE = 50;

    private static final String[] TABLES = {"users", "orders", "order_items", "invoices", "payments", "customers",
        "products", "inventory", "shipments", "audit_log", "sessions", "accounts", "subscriptions", "events",
        "comments", "tags", "settings", "api_keys", "refunds", "addresses"};
    private static final String[] COLUMNS = {"email", "status", "created_at", "updated_at", "amount", "reference",
        "note", "country_code", "score", "external_id", "quantity", "price", "region", "flags", "owner_id"};

    private final Random random = new Random(20261122L);

    /** The corpus: {@value #PER_DIALECT} statements per dialect in files of {@value #PER_FILE}. */
    Corpus generate() {
        return generate(PER_DIALECT);
    }

    /** A corpus of {@code perDialect} statements (rounded down to whole files) per dialect. */
    Corpus generate(int perDialect) {
        Map<String, List<Corpus.Migration>> all = new LinkedHashMap<>();
        all.put("postgres", migrations("postgres", this::postgres, perDialect));
        all.put("mysql", migrations("mysql", this::mysql, perDialect));
        all.put("sqlite", migrations("sqlite", this::sqlite, perDialect));
        return new Corpus(all);
    }

    private List<Corpus.Migration> migrations(String dialect, Supplier<String> statement, int perDialect) {
        List<Corpus.Migration> files = new ArrayList<>();
        for (int f = 0; f < perDialect / PER_FILE; f++) {
            List<String> statements = new ArrayList<>();
            for (int i = 0; i < PER_FILE; i++) {
                statements.add(statement.get());
            }
            files.add(new Corpus.Migration("V" + (f + 1) + "__" + dialect + "_changes_" + (f + 1) + ".sql", statements));
        }
        return files;
    }

    private String table() {
        return TABLES[random.nextInt(TABLES.length)] + (random.nextInt(4) == 0 ? "_" + random.nextInt(50) : "");
    }

    private String column() {
        return COLUMNS[random.nextInt(COLUMNS.length)] + (random.nextInt(3) == 0 ? "_" + random.nextInt(20) : "");
    }

    private int n(int bound) {
        return random.nextInt(bound);
    }

    // ---- PostgreSQL ------------------------------------------------------------------------------------------------

    private String postgres() {
        String t = table();
        String c = column();
        return switch (n(24)) {
            case 0, 1 -> "CREATE TABLE IF NOT EXISTS " + t + " (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                    + "    " + c + " text NOT NULL,\n    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,\n"
                    + "    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),\n"
                    + "    created_at timestamptz NOT NULL DEFAULT now(),\n    UNIQUE (" + c + ", owner_id)\n)";
            case 2 -> "ALTER TABLE " + t + " ADD COLUMN " + c + " varchar(" + (16 + n(240)) + ")";
            case 3 -> "ALTER TABLE " + t + " ADD COLUMN " + c + " integer NOT NULL DEFAULT " + n(10);
            case 4 -> "ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE bigint";
            case 5 -> "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_" + c + "_fk FOREIGN KEY (" + c
                    + ") REFERENCES accounts (id)";
            case 6 -> "CREATE INDEX " + t + "_" + c + "_idx ON " + t + " (" + c + ", created_at DESC)";
            case 7 -> "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + t + "_" + c + "_key ON " + t + " (lower(" + c + "))";
            case 8 -> "INSERT INTO " + t + " (" + c + ", owner_id, amount) VALUES ('a" + n(999) + "', " + n(1000)
                    + ", " + n(500) + ".50), ('b" + n(999) + "', " + n(1000) + ", 0)";
            case 9 -> "UPDATE " + t + " SET " + c + " = 'archived', updated_at = now() WHERE created_at < now() - interval '"
                    + (1 + n(24)) + " months' AND " + c + " IS NOT NULL";
            case 10 -> "DELETE FROM " + t + " WHERE id IN (SELECT id FROM " + t + " WHERE " + c + " = 'stale' LIMIT 1000)";
            case 11 -> "CREATE OR REPLACE VIEW " + t + "_summary AS SELECT o.owner_id, count(*) AS n, sum(o.amount) AS total "
                    + "FROM " + t + " o JOIN users u ON u.id = o.owner_id WHERE u.status = 'active' GROUP BY o.owner_id";
            case 12 -> "CREATE OR REPLACE FUNCTION " + t + "_touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                    + "    NEW.updated_at := now();\n    IF NEW." + c + " IS NULL THEN\n        NEW." + c
                    + " := 'unknown';\n    END IF;\n    RETURN NEW;\nEND;\n$$";
            case 13 -> "CREATE FUNCTION " + t + "_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$\n"
                    + "    SELECT coalesce(sum(amount), 0) FROM " + t + " WHERE owner_id = p_owner\n$$";
            case 14 -> "DROP INDEX IF EXISTS " + t + "_" + c + "_idx";
            case 15 -> "ALTER TABLE " + t + " DROP COLUMN IF EXISTS " + c;
            case 16 -> "ALTER TABLE " + t + " RENAME COLUMN " + c + " TO " + c + "_old";
            case 17 -> "COMMENT ON TABLE " + t + " IS 'Owned by the billing team'";
            case 18 -> "VACUUM (ANALYZE) " + t;
            case 19 -> "CREATE EXTENSION IF NOT EXISTS pg_trgm";
            case 20 -> "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_amount_positive CHECK (amount > 0) NOT VALID";
            case 21 -> "INSERT INTO " + t + "_archive (id, " + c + ") SELECT id, " + c + " FROM " + t
                    + " WHERE created_at < DATE '2024-01-01' ON CONFLICT (id) DO NOTHING";
            case 22 -> "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL";
            default -> "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '" + c
                    + "_kind') THEN CREATE TYPE " + c + "_kind AS ENUM ('a', 'b'); END IF; END $$";
        };
    }

    // ---- MySQL / MariaDB -------------------------------------------------------------------------------------------

    private String mysql() {
        String t = table();
        String c = column();
        return switch (n(22)) {
            case 0, 1 -> "CREATE TABLE IF NOT EXISTS `" + t + "` (\n  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,\n"
                    + "  `" + c + "` VARCHAR(191) NOT NULL,\n  `owner_id` BIGINT UNSIGNED DEFAULT NULL,\n"
                    + "  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,\n"
                    + "  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (`id`),\n"
                    + "  KEY `idx_" + c + "` (`" + c + "`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
            case 2 -> "ALTER TABLE `" + t + "` ADD COLUMN `" + c + "` VARCHAR(" + (16 + n(240)) + ") NULL AFTER `id`";
            case 3 -> "ALTER TABLE " + t + " MODIFY COLUMN " + c + " BIGINT NOT NULL";
            case 4 -> "ALTER TABLE " + t + " ADD INDEX idx_" + t + "_" + c + " (" + c + "), ALGORITHM=INPLACE, LOCK=NONE";
            case 5 -> "CREATE INDEX idx_" + c + "_" + n(99) + " ON " + t + " (" + c + ", created_at)";
            case 6 -> "INSERT INTO " + t + " (" + c + ", owner_id, amount) VALUES ('x" + n(999) + "', " + n(1000)
                    + ", 12.50), ('y" + n(999) + "', " + n(1000) + ", 3.00) ON DUPLICATE KEY UPDATE amount = VALUES(amount)";
            case 7 -> "UPDATE " + t + " SET " + c + " = 'done' WHERE id BETWEEN " + n(1000) + " AND " + (1000 + n(1000));
            case 8 -> "DELETE FROM " + t + " WHERE created_at < NOW() - INTERVAL " + (1 + n(90)) + " DAY LIMIT 5000";
            case 9 -> "UPDATE " + t + " SET flags = flags | 4";
            case 10 -> "CREATE PROCEDURE archive_" + t + "_" + n(99) + "(IN p_days INT)\nBEGIN\n"
                    + "  INSERT INTO " + t + "_archive SELECT * FROM " + t + " WHERE created_at < NOW() - INTERVAL p_days DAY;\n"
                    + "  DELETE FROM " + t + " WHERE created_at < NOW() - INTERVAL p_days DAY;\nEND";
            case 11 -> "CREATE FUNCTION " + t + "_score_" + n(99) + "(p_id BIGINT) RETURNS INT DETERMINISTIC\nBEGIN\n"
                    + "  DECLARE v INT DEFAULT 0;\n  SELECT COUNT(*) INTO v FROM " + t + " WHERE owner_id = p_id;\n"
                    + "  RETURN v;\nEND";
            case 12 -> "ALTER TABLE " + t + " DROP COLUMN " + c;
            case 13 -> "RENAME TABLE " + t + " TO " + t + "_old, " + t + "_new TO " + t;
            case 14 -> "ALTER TABLE " + t + " CHANGE COLUMN " + c + " " + c + "_v2 VARCHAR(255) NOT NULL";
            case 15 -> "CREATE OR REPLACE VIEW v_" + t + " AS SELECT id, " + c + ", amount FROM " + t + " WHERE amount > 0";
            case 16 -> "ALTER TABLE " + t + " ADD CONSTRAINT fk_" + t + "_" + c + " FOREIGN KEY (owner_id) REFERENCES users (id)";
            case 17 -> "OPTIMIZE TABLE " + t;
            case 18 -> "ALTER TABLE " + t + " CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci";
            case 19 -> "INSERT INTO " + t + "_copy SELECT * FROM " + t + " WHERE " + c + " LIKE 'a%'";
            case 20 -> "DROP TABLE IF EXISTS tmp_" + t;
            default -> "ALTER TABLE " + t + " ADD FULLTEXT INDEX ft_" + c + " (" + c + ") WITH PARSER ngram";
        };
    }

    // ---- SQLite ----------------------------------------------------------------------------------------------------

    private String sqlite() {
        String t = table();
        String c = column();
        return switch (n(18)) {
            case 0, 1 -> "CREATE TABLE IF NOT EXISTS " + t + " (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  " + c
                    + " TEXT NOT NULL,\n  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,\n"
                    + "  amount REAL NOT NULL DEFAULT 0,\n  created_at TEXT NOT NULL DEFAULT (datetime('now'))\n)";
            case 2 -> "ALTER TABLE " + t + " ADD COLUMN " + c + " TEXT";
            case 3 -> "ALTER TABLE " + t + " ADD COLUMN " + c + " INTEGER NOT NULL DEFAULT " + n(10);
            case 4 -> "CREATE INDEX IF NOT EXISTS idx_" + t + "_" + c + " ON " + t + " (" + c + ")";
            case 5 -> "INSERT INTO " + t + " (" + c + ", owner_id, amount) VALUES ('s" + n(999) + "', " + n(100) + ", 1.5)";
            case 6 -> "UPDATE " + t + " SET " + c + " = upper(" + c + ") WHERE owner_id = " + n(1000);
            case 7 -> "DELETE FROM " + t + " WHERE created_at < date('now', '-" + (1 + n(30)) + " days')";
            case 8 -> "CREATE TRIGGER IF NOT EXISTS trg_" + t + "_" + n(99) + " AFTER UPDATE ON " + t + "\nBEGIN\n"
                    + "  UPDATE " + t + " SET created_at = datetime('now') WHERE id = NEW.id;\nEND";
            case 9 -> "ALTER TABLE " + t + " RENAME COLUMN " + c + " TO " + c + "_old";
            case 10 -> "ALTER TABLE " + t + " DROP COLUMN " + c;
            case 11 -> "DROP INDEX IF EXISTS idx_" + t + "_" + c;
            case 12 -> "CREATE VIEW IF NOT EXISTS v_" + t + " AS SELECT id, " + c + " FROM " + t + " WHERE amount > 0";
            case 13 -> "INSERT OR REPLACE INTO settings (key, value) VALUES ('" + c + "', '" + n(100) + "')";
            case 14 -> "PRAGMA foreign_keys = ON";
            case 15 -> "CREATE TABLE " + t + "_new AS SELECT * FROM " + t;
            case 16 -> "ALTER TABLE " + t + " RENAME TO " + t + "_v2";
            default -> "CREATE VIRTUAL TABLE IF NOT EXISTS " + t + "_fts USING fts5(" + c + ", content='" + t + "')";
        };
    }
}
