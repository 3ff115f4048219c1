## The first 150 statements per dialect of the lint benchmark's corpus (bench/lint-jmh CorpusGenerator, fixed seed).
## Format: "=== <dialect>" then one statement (no terminating semicolon).
=== postgres
ALTER TABLE invoices ALTER COLUMN note SET NOT NULL
=== postgres
CREATE INDEX api_keys_created_at_19_idx ON api_keys (created_at_19, created_at DESC)
=== postgres
CREATE OR REPLACE FUNCTION order_items_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.owner_id IS NULL THEN
        NEW.owner_id := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
CREATE FUNCTION products_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM products WHERE owner_id = p_owner
$$
=== postgres
COMMENT ON TABLE invoices IS 'Owned by the billing team'
=== postgres
UPDATE inventory_48 SET status_13 = 'archived', updated_at = now() WHERE created_at < now() - interval '24 months' AND status_13 IS NOT NULL
=== postgres
DROP INDEX IF EXISTS api_keys_quantity_idx
=== postgres
CREATE TABLE IF NOT EXISTS subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, owner_id)
)
=== postgres
ALTER TABLE api_keys ADD COLUMN price_5 integer NOT NULL DEFAULT 1
=== postgres
CREATE OR REPLACE FUNCTION inventory_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.updated_at IS NULL THEN
        NEW.updated_at := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
DELETE FROM subscriptions_9 WHERE id IN (SELECT id FROM subscriptions_9 WHERE updated_at = 'stale' LIMIT 1000)
=== postgres
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'created_at_kind') THEN CREATE TYPE created_at_kind AS ENUM ('a', 'b'); END IF; END $$
=== postgres
CREATE TABLE IF NOT EXISTS payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (status, owner_id)
)
=== postgres
INSERT INTO api_keys_38 (status, owner_id, amount) VALUES ('a103', 160, 435.50), ('b719', 453, 0)
=== postgres
CREATE OR REPLACE FUNCTION refunds_35_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.status_1 IS NULL THEN
        NEW.status_1 := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
ALTER TABLE events ADD CONSTRAINT events_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
CREATE TABLE IF NOT EXISTS products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    price text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (price, owner_id)
)
=== postgres
ALTER TABLE orders DROP COLUMN IF EXISTS note
=== postgres
ALTER TABLE sessions ADD COLUMN external_id varchar(172)
=== postgres
CREATE OR REPLACE FUNCTION audit_log_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.reference IS NULL THEN
        NEW.reference := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
ALTER TABLE sessions ADD CONSTRAINT sessions_amount_fk FOREIGN KEY (amount) REFERENCES accounts (id)
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
ALTER TABLE tags_15 ALTER COLUMN score TYPE bigint
=== postgres
DELETE FROM order_items WHERE id IN (SELECT id FROM order_items WHERE owner_id = 'stale' LIMIT 1000)
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS refunds_updated_at_15_key ON refunds (lower(updated_at_15))
=== postgres
CREATE FUNCTION audit_log_17_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM audit_log_17 WHERE owner_id = p_owner
$$
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS payments_price_7_key ON payments (lower(price_7))
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS settings_updated_at_key ON settings (lower(updated_at))
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS refunds_quantity_key ON refunds (lower(quantity))
=== postgres
ALTER TABLE products ALTER COLUMN quantity_0 SET NOT NULL
=== postgres
DELETE FROM refunds_24 WHERE id IN (SELECT id FROM refunds_24 WHERE created_at = 'stale' LIMIT 1000)
=== postgres
DELETE FROM addresses_28 WHERE id IN (SELECT id FROM addresses_28 WHERE email_5 = 'stale' LIMIT 1000)
=== postgres
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'created_at_kind') THEN CREATE TYPE created_at_kind AS ENUM ('a', 'b'); END IF; END $$
=== postgres
ALTER TABLE comments RENAME COLUMN reference_5 TO reference_5_old
=== postgres
CREATE TABLE IF NOT EXISTS addresses (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country_code text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (country_code, owner_id)
)
=== postgres
ALTER TABLE users_7 ADD CONSTRAINT users_7_email_fk FOREIGN KEY (email) REFERENCES accounts (id)
=== postgres
DROP INDEX IF EXISTS events_updated_at_idx
=== postgres
DROP INDEX IF EXISTS api_keys_26_external_id_idx
=== postgres
ALTER TABLE order_items ADD COLUMN amount varchar(103)
=== postgres
CREATE INDEX invoices_price_idx ON invoices (price, created_at DESC)
=== postgres
ALTER TABLE orders ADD COLUMN updated_at varchar(224)
=== postgres
CREATE INDEX tags_country_code_idx ON tags (country_code, created_at DESC)
=== postgres
ALTER TABLE api_keys ADD CONSTRAINT api_keys_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
INSERT INTO shipments_archive (id, amount) SELECT id, amount FROM shipments WHERE created_at < DATE '2024-01-01' ON CONFLICT (id) DO NOTHING
=== postgres
CREATE TABLE IF NOT EXISTS shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id_16 text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (external_id_16, owner_id)
)
=== postgres
COMMENT ON TABLE comments IS 'Owned by the billing team'
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS payments_external_id_key ON payments (lower(external_id))
=== postgres
ALTER TABLE refunds DROP COLUMN IF EXISTS owner_id
=== postgres
ALTER TABLE users DROP COLUMN IF EXISTS price
=== postgres
UPDATE comments_5 SET owner_id_4 = 'archived', updated_at = now() WHERE created_at < now() - interval '12 months' AND owner_id_4 IS NOT NULL
=== postgres
CREATE TABLE IF NOT EXISTS accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (note, owner_id)
)
=== postgres
ALTER TABLE sessions DROP COLUMN IF EXISTS country_code
=== postgres
VACUUM (ANALYZE) refunds
=== postgres
ALTER TABLE accounts ALTER COLUMN flags SET NOT NULL
=== postgres
ALTER TABLE payments ADD CONSTRAINT payments_status_fk FOREIGN KEY (status) REFERENCES accounts (id)
=== postgres
VACUUM (ANALYZE) users
=== postgres
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'created_at_kind') THEN CREATE TYPE created_at_kind AS ENUM ('a', 'b'); END IF; END $$
=== postgres
CREATE INDEX comments_42_region_13_idx ON comments_42 (region_13, created_at DESC)
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'email_kind') THEN CREATE TYPE email_kind AS ENUM ('a', 'b'); END IF; END $$
=== postgres
DROP INDEX IF EXISTS order_items_status_idx
=== postgres
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
UPDATE users_49 SET amount = 'archived', updated_at = now() WHERE created_at < now() - interval '4 months' AND amount IS NOT NULL
=== postgres
INSERT INTO customers_18 (created_at, owner_id, amount) VALUES ('a436', 413, 47.50), ('b644', 938, 0)
=== postgres
ALTER TABLE tags_40 ADD COLUMN country_code_11 varchar(137)
=== postgres
ALTER TABLE audit_log_23 ADD COLUMN updated_at varchar(223)
=== postgres
ALTER TABLE comments_43 ADD CONSTRAINT comments_43_price_1_fk FOREIGN KEY (price_1) REFERENCES accounts (id)
=== postgres
CREATE INDEX comments_country_code_idx ON comments (country_code, created_at DESC)
=== postgres
VACUUM (ANALYZE) products
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
CREATE TABLE IF NOT EXISTS shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flags_10 text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (flags_10, owner_id)
)
=== postgres
ALTER TABLE order_items_21 ADD COLUMN region varchar(130)
=== postgres
DROP INDEX IF EXISTS sessions_region_5_idx
=== postgres
ALTER TABLE users ALTER COLUMN quantity_18 SET NOT NULL
=== postgres
UPDATE api_keys SET quantity_13 = 'archived', updated_at = now() WHERE created_at < now() - interval '10 months' AND quantity_13 IS NOT NULL
=== postgres
VACUUM (ANALYZE) subscriptions_19
=== postgres
INSERT INTO events_8 (email_12, owner_id, amount) VALUES ('a411', 607, 275.50), ('b867', 53, 0)
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
ALTER TABLE order_items RENAME COLUMN amount TO amount_old
=== postgres
CREATE OR REPLACE VIEW orders_45_summary AS SELECT o.owner_id, count(*) AS n, sum(o.amount) AS total FROM orders_45 o JOIN users u ON u.id = o.owner_id WHERE u.status = 'active' GROUP BY o.owner_id
=== postgres
COMMENT ON TABLE settings IS 'Owned by the billing team'
=== postgres
INSERT INTO addresses_archive (id, created_at) SELECT id, created_at FROM addresses WHERE created_at < DATE '2024-01-01' ON CONFLICT (id) DO NOTHING
=== postgres
CREATE INDEX sessions_price_idx ON sessions (price, created_at DESC)
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
ALTER TABLE sessions ADD COLUMN price_16 integer NOT NULL DEFAULT 2
=== postgres
CREATE TABLE IF NOT EXISTS products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (email, owner_id)
)
=== postgres
ALTER TABLE users DROP COLUMN IF EXISTS amount
=== postgres
CREATE TABLE IF NOT EXISTS products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    amount text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (amount, owner_id)
)
=== postgres
CREATE OR REPLACE VIEW settings_20_summary AS SELECT o.owner_id, count(*) AS n, sum(o.amount) AS total FROM settings_20 o JOIN users u ON u.id = o.owner_id WHERE u.status = 'active' GROUP BY o.owner_id
=== postgres
CREATE OR REPLACE VIEW refunds_47_summary AS SELECT o.owner_id, count(*) AS n, sum(o.amount) AS total FROM refunds_47 o JOIN users u ON u.id = o.owner_id WHERE u.status = 'active' GROUP BY o.owner_id
=== postgres
ALTER TABLE events ADD CONSTRAINT events_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
CREATE OR REPLACE VIEW payments_summary AS SELECT o.owner_id, count(*) AS n, sum(o.amount) AS total FROM payments o JOIN users u ON u.id = o.owner_id WHERE u.status = 'active' GROUP BY o.owner_id
=== postgres
ALTER TABLE inventory ALTER COLUMN price_10 TYPE bigint
=== postgres
CREATE FUNCTION customers_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM customers WHERE owner_id = p_owner
$$
=== postgres
CREATE FUNCTION orders_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM orders WHERE owner_id = p_owner
$$
=== postgres
ALTER TABLE addresses DROP COLUMN IF EXISTS flags
=== postgres
VACUUM (ANALYZE) shipments_20
=== postgres
UPDATE refunds_23 SET external_id = 'archived', updated_at = now() WHERE created_at < now() - interval '23 months' AND external_id IS NOT NULL
=== postgres
CREATE INDEX orders_status_idx ON orders (status, created_at DESC)
=== postgres
VACUUM (ANALYZE) refunds
=== postgres
CREATE FUNCTION events_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM events WHERE owner_id = p_owner
$$
=== postgres
INSERT INTO customers (amount, owner_id, amount) VALUES ('a868', 807, 171.50), ('b832', 907, 0)
=== postgres
ALTER TABLE products ADD COLUMN score varchar(219)
=== postgres
CREATE TABLE IF NOT EXISTS invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (reference, owner_id)
)
=== postgres
CREATE TABLE IF NOT EXISTS products_21 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flags text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (flags, owner_id)
)
=== postgres
DELETE FROM comments WHERE id IN (SELECT id FROM comments WHERE country_code_13 = 'stale' LIMIT 1000)
=== postgres
ALTER TABLE order_items ADD CONSTRAINT order_items_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
UPDATE api_keys_11 SET region = 'archived', updated_at = now() WHERE created_at < now() - interval '19 months' AND region IS NOT NULL
=== postgres
COMMENT ON TABLE payments_49 IS 'Owned by the billing team'
=== postgres
CREATE TABLE IF NOT EXISTS addresses_18 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    updated_at text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (updated_at, owner_id)
)
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS settings_amount_8_key ON settings (lower(amount_8))
=== postgres
INSERT INTO subscriptions (price_14, owner_id, amount) VALUES ('a975', 969, 48.50), ('b464', 744, 0)
=== postgres
CREATE OR REPLACE FUNCTION invoices_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.status_12 IS NULL THEN
        NEW.status_12 := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
ALTER TABLE comments ADD CONSTRAINT comments_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
CREATE INDEX sessions_17_amount_idx ON sessions_17 (amount, created_at DESC)
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_1_updated_at_key ON users_1 (lower(updated_at))
=== postgres
COMMENT ON TABLE products IS 'Owned by the billing team'
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS api_keys_email_6_key ON api_keys (lower(email_6))
=== postgres
CREATE OR REPLACE FUNCTION users_45_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.reference IS NULL THEN
        NEW.reference := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_status_key ON users (lower(status))
=== postgres
VACUUM (ANALYZE) settings
=== postgres
CREATE FUNCTION api_keys_total(p_owner bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM api_keys WHERE owner_id = p_owner
$$
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
DROP INDEX IF EXISTS comments_country_code_idx
=== postgres
VACUUM (ANALYZE) settings
=== postgres
CREATE TABLE IF NOT EXISTS api_keys_9 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference_16 text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (reference_16, owner_id)
)
=== postgres
DELETE FROM orders_5 WHERE id IN (SELECT id FROM orders_5 WHERE score_16 = 'stale' LIMIT 1000)
=== postgres
UPDATE accounts SET region_19 = 'archived', updated_at = now() WHERE created_at < now() - interval '23 months' AND region_19 IS NOT NULL
=== postgres
INSERT INTO subscriptions (quantity_6, owner_id, amount) VALUES ('a165', 357, 393.50), ('b478', 191, 0)
=== postgres
COMMENT ON TABLE addresses_47 IS 'Owned by the billing team'
=== postgres
VACUUM (ANALYZE) api_keys
=== postgres
CREATE OR REPLACE FUNCTION subscriptions_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.created_at IS NULL THEN
        NEW.created_at := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
VACUUM (ANALYZE) users
=== postgres
CREATE OR REPLACE FUNCTION payments_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.price IS NULL THEN
        NEW.price := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'created_at_kind') THEN CREATE TYPE created_at_kind AS ENUM ('a', 'b'); END IF; END $$
=== postgres
ALTER TABLE refunds ADD CONSTRAINT refunds_country_code_fk FOREIGN KEY (country_code) REFERENCES accounts (id)
=== postgres
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'owner_id_kind') THEN CREATE TYPE owner_id_kind AS ENUM ('a', 'b'); END IF; END $$
=== postgres
DELETE FROM inventory_46 WHERE id IN (SELECT id FROM inventory_46 WHERE quantity = 'stale' LIMIT 1000)
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS order_items_quantity_key ON order_items (lower(quantity))
=== postgres
ALTER TABLE tags_47 ADD CONSTRAINT tags_47_amount_positive CHECK (amount > 0) NOT VALID
=== postgres
INSERT INTO inventory_archive (id, note) SELECT id, note FROM inventory WHERE created_at < DATE '2024-01-01' ON CONFLICT (id) DO NOTHING
=== postgres
ALTER TABLE inventory RENAME COLUMN note_3 TO note_3_old
=== postgres
CREATE EXTENSION IF NOT EXISTS pg_trgm
=== postgres
DELETE FROM invoices_42 WHERE id IN (SELECT id FROM invoices_42 WHERE status = 'stale' LIMIT 1000)
=== postgres
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS refunds_0_quantity_key ON refunds_0 (lower(quantity))
=== postgres
INSERT INTO order_items_37_archive (id, updated_at_17) SELECT id, updated_at_17 FROM order_items_37 WHERE created_at < DATE '2024-01-01' ON CONFLICT (id) DO NOTHING
=== postgres
CREATE OR REPLACE FUNCTION refunds_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.created_at_18 IS NULL THEN
        NEW.created_at_18 := 'unknown';
    END IF;
    RETURN NEW;
END;
$$
=== postgres
ALTER TABLE products DROP COLUMN IF EXISTS created_at_12
=== postgres
CREATE TABLE IF NOT EXISTS settings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country_code text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (country_code, owner_id)
)
=== postgres
CREATE TABLE IF NOT EXISTS subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flags text NOT NULL,
    owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (flags, owner_id)
)
=== mysql
CREATE FUNCTION settings_score_95(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM settings WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
CREATE TABLE IF NOT EXISTS `refunds` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `created_at` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_created_at` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
CREATE TABLE IF NOT EXISTS `customers` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `updated_at` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_updated_at` (`updated_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
OPTIMIZE TABLE settings_34
=== mysql
CREATE INDEX idx_reference_12 ON tags (reference, created_at)
=== mysql
CREATE FUNCTION sessions_score_4(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM sessions WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
ALTER TABLE inventory DROP COLUMN owner_id_13
=== mysql
ALTER TABLE `comments` ADD COLUMN `flags` VARCHAR(148) NULL AFTER `id`
=== mysql
CREATE TABLE IF NOT EXISTS `shipments` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `note` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_note` (`note`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
ALTER TABLE users DROP COLUMN created_at
=== mysql
CREATE FUNCTION comments_score_59(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM comments WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
DELETE FROM comments WHERE created_at < NOW() - INTERVAL 35 DAY LIMIT 5000
=== mysql
RENAME TABLE api_keys TO api_keys_old, api_keys_new TO api_keys
=== mysql
CREATE FUNCTION payments_42_score_22(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM payments_42 WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
CREATE TABLE IF NOT EXISTS `addresses` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `owner_id_1` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_owner_id_1` (`owner_id_1`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
UPDATE order_items SET country_code_4 = 'done' WHERE id BETWEEN 154 AND 1347
=== mysql
ALTER TABLE comments ADD INDEX idx_comments_score (score), ALGORITHM=INPLACE, LOCK=NONE
=== mysql
ALTER TABLE order_items CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci
=== mysql
DELETE FROM shipments WHERE created_at < NOW() - INTERVAL 70 DAY LIMIT 5000
=== mysql
INSERT INTO sessions (reference, owner_id, amount) VALUES ('x697', 666, 12.50), ('y533', 523, 3.00) ON DUPLICATE KEY UPDATE amount = VALUES(amount)
=== mysql
DROP TABLE IF EXISTS tmp_invoices
=== mysql
CREATE OR REPLACE VIEW v_sessions_36 AS SELECT id, owner_id_9, amount FROM sessions_36 WHERE amount > 0
=== mysql
ALTER TABLE shipments ADD FULLTEXT INDEX ft_flags_4 (flags_4) WITH PARSER ngram
=== mysql
CREATE FUNCTION subscriptions_score_32(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM subscriptions WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_created_at_17 FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
DELETE FROM order_items WHERE created_at < NOW() - INTERVAL 72 DAY LIMIT 5000
=== mysql
CREATE INDEX idx_status_18_14 ON subscriptions (status_18, created_at)
=== mysql
CREATE TABLE IF NOT EXISTS `orders` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
CREATE PROCEDURE archive_audit_log_96(IN p_days INT)
BEGIN
  INSERT INTO audit_log_archive SELECT * FROM audit_log WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
ALTER TABLE api_keys CHANGE COLUMN updated_at updated_at_v2 VARCHAR(255) NOT NULL
=== mysql
UPDATE products SET country_code = 'done' WHERE id BETWEEN 766 AND 1722
=== mysql
CREATE PROCEDURE archive_products_17(IN p_days INT)
BEGIN
  INSERT INTO products_archive SELECT * FROM products WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM products WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
ALTER TABLE `settings` ADD COLUMN `updated_at` VARCHAR(25) NULL AFTER `id`
=== mysql
RENAME TABLE settings TO settings_old, settings_new TO settings
=== mysql
ALTER TABLE customers DROP COLUMN created_at
=== mysql
CREATE FUNCTION comments_score_44(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM comments WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
UPDATE inventory SET flags = flags | 4
=== mysql
CREATE FUNCTION products_score_68(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM products WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
INSERT INTO products_16 (amount, owner_id, amount) VALUES ('x350', 528, 12.50), ('y737', 83, 3.00) ON DUPLICATE KEY UPDATE amount = VALUES(amount)
=== mysql
CREATE PROCEDURE archive_shipments_28(IN p_days INT)
BEGIN
  INSERT INTO shipments_archive SELECT * FROM shipments WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM shipments WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
ALTER TABLE payments_13 ADD CONSTRAINT fk_payments_13_price FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
ALTER TABLE `comments` ADD COLUMN `reference` VARCHAR(137) NULL AFTER `id`
=== mysql
ALTER TABLE addresses_32 CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci
=== mysql
UPDATE users SET flags = flags | 4
=== mysql
UPDATE sessions_21 SET flags = 'done' WHERE id BETWEEN 739 AND 1783
=== mysql
ALTER TABLE api_keys MODIFY COLUMN country_code BIGINT NOT NULL
=== mysql
CREATE TABLE IF NOT EXISTS `payments` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `external_id` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_external_id` (`external_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
CREATE TABLE IF NOT EXISTS `api_keys` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `email_12` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_email_12` (`email_12`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
DELETE FROM events WHERE created_at < NOW() - INTERVAL 55 DAY LIMIT 5000
=== mysql
ALTER TABLE events ADD FULLTEXT INDEX ft_email (email) WITH PARSER ngram
=== mysql
ALTER TABLE `shipments_20` ADD COLUMN `reference_7` VARCHAR(31) NULL AFTER `id`
=== mysql
OPTIMIZE TABLE tags_1
=== mysql
DELETE FROM tags WHERE created_at < NOW() - INTERVAL 56 DAY LIMIT 5000
=== mysql
ALTER TABLE comments_9 ADD FULLTEXT INDEX ft_score (score) WITH PARSER ngram
=== mysql
UPDATE invoices SET flags = flags | 4
=== mysql
INSERT INTO orders (score_15, owner_id, amount) VALUES ('x625', 89, 12.50), ('y387', 714, 3.00) ON DUPLICATE KEY UPDATE amount = VALUES(amount)
=== mysql
DROP TABLE IF EXISTS tmp_order_items_20
=== mysql
CREATE TABLE IF NOT EXISTS `inventory` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `status` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_status` (`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
ALTER TABLE settings DROP COLUMN owner_id
=== mysql
DROP TABLE IF EXISTS tmp_comments
=== mysql
CREATE TABLE IF NOT EXISTS `refunds` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `price_3` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_price_3` (`price_3`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
CREATE PROCEDURE archive_users_29(IN p_days INT)
BEGIN
  INSERT INTO users_archive SELECT * FROM users WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM users WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
DELETE FROM order_items WHERE created_at < NOW() - INTERVAL 89 DAY LIMIT 5000
=== mysql
RENAME TABLE invoices TO invoices_old, invoices_new TO invoices
=== mysql
CREATE PROCEDURE archive_settings_59(IN p_days INT)
BEGIN
  INSERT INTO settings_archive SELECT * FROM settings WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM settings WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
OPTIMIZE TABLE settings_44
=== mysql
ALTER TABLE events CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci
=== mysql
ALTER TABLE `invoices` ADD COLUMN `updated_at` VARCHAR(22) NULL AFTER `id`
=== mysql
ALTER TABLE events_29 ADD FULLTEXT INDEX ft_region (region) WITH PARSER ngram
=== mysql
ALTER TABLE shipments CHANGE COLUMN updated_at updated_at_v2 VARCHAR(255) NOT NULL
=== mysql
RENAME TABLE events TO events_old, events_new TO events
=== mysql
DELETE FROM orders_34 WHERE created_at < NOW() - INTERVAL 25 DAY LIMIT 5000
=== mysql
DELETE FROM settings WHERE created_at < NOW() - INTERVAL 64 DAY LIMIT 5000
=== mysql
CREATE FUNCTION inventory_score_56(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM inventory WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
CREATE INDEX idx_score_13 ON subscriptions (score, created_at)
=== mysql
CREATE INDEX idx_region_8_2 ON audit_log_9 (region_8, created_at)
=== mysql
ALTER TABLE addresses DROP COLUMN external_id
=== mysql
INSERT INTO events_16_copy SELECT * FROM events_16 WHERE note LIKE 'a%'
=== mysql
ALTER TABLE `subscriptions` ADD COLUMN `country_code` VARCHAR(26) NULL AFTER `id`
=== mysql
CREATE INDEX idx_reference_80 ON comments (reference, created_at)
=== mysql
ALTER TABLE payments DROP COLUMN country_code
=== mysql
CREATE OR REPLACE VIEW v_inventory AS SELECT id, status, amount FROM inventory WHERE amount > 0
=== mysql
UPDATE shipments SET flags = flags | 4
=== mysql
ALTER TABLE api_keys ADD INDEX idx_api_keys_created_at_9 (created_at_9), ALGORITHM=INPLACE, LOCK=NONE
=== mysql
ALTER TABLE orders DROP COLUMN created_at
=== mysql
DROP TABLE IF EXISTS tmp_order_items_11
=== mysql
ALTER TABLE tags CHANGE COLUMN quantity_6 quantity_6_v2 VARCHAR(255) NOT NULL
=== mysql
ALTER TABLE events CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci
=== mysql
INSERT INTO invoices_copy SELECT * FROM invoices WHERE country_code LIKE 'a%'
=== mysql
ALTER TABLE subscriptions ADD INDEX idx_subscriptions_price (price), ALGORITHM=INPLACE, LOCK=NONE
=== mysql
ALTER TABLE orders DROP COLUMN external_id
=== mysql
ALTER TABLE tags_35 DROP COLUMN external_id
=== mysql
CREATE PROCEDURE archive_orders_5(IN p_days INT)
BEGIN
  INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
INSERT INTO users_5_copy SELECT * FROM users_5 WHERE flags LIKE 'a%'
=== mysql
ALTER TABLE `order_items` ADD COLUMN `external_id` VARCHAR(197) NULL AFTER `id`
=== mysql
UPDATE refunds SET reference = 'done' WHERE id BETWEEN 242 AND 1360
=== mysql
CREATE INDEX idx_country_code_6_35 ON sessions (country_code_6, created_at)
=== mysql
INSERT INTO shipments_46_copy SELECT * FROM shipments_46 WHERE note_14 LIKE 'a%'
=== mysql
ALTER TABLE addresses DROP COLUMN created_at
=== mysql
ALTER TABLE invoices ADD CONSTRAINT fk_invoices_flags_12 FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
DROP TABLE IF EXISTS tmp_inventory
=== mysql
ALTER TABLE `accounts` ADD COLUMN `country_code` VARCHAR(61) NULL AFTER `id`
=== mysql
ALTER TABLE payments DROP COLUMN status
=== mysql
CREATE OR REPLACE VIEW v_order_items AS SELECT id, flags, amount FROM order_items WHERE amount > 0
=== mysql
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_quantity_13 FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
ALTER TABLE tags ADD INDEX idx_tags_amount (amount), ALGORITHM=INPLACE, LOCK=NONE
=== mysql
ALTER TABLE tags ADD CONSTRAINT fk_tags_country_code FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
CREATE FUNCTION order_items_44_score_76(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM order_items_44 WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
INSERT INTO shipments_copy SELECT * FROM shipments WHERE email_6 LIKE 'a%'
=== mysql
ALTER TABLE subscriptions MODIFY COLUMN reference_12 BIGINT NOT NULL
=== mysql
ALTER TABLE addresses CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci
=== mysql
DROP TABLE IF EXISTS tmp_customers
=== mysql
CREATE PROCEDURE archive_audit_log_80(IN p_days INT)
BEGIN
  INSERT INTO audit_log_archive SELECT * FROM audit_log WHERE created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM audit_log WHERE created_at < NOW() - INTERVAL p_days DAY;
END
=== mysql
CREATE FUNCTION subscriptions_20_score_6(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM subscriptions_20 WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
UPDATE inventory SET flags = flags | 4
=== mysql
OPTIMIZE TABLE users
=== mysql
ALTER TABLE tags ADD CONSTRAINT fk_tags_note FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
ALTER TABLE settings_34 ADD CONSTRAINT fk_settings_34_email FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
CREATE TABLE IF NOT EXISTS `subscriptions` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `price` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_price` (`price`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
ALTER TABLE inventory_34 CHANGE COLUMN region_18 region_18_v2 VARCHAR(255) NOT NULL
=== mysql
UPDATE accounts_18 SET flags = flags | 4
=== mysql
CREATE FUNCTION shipments_score_39(p_id BIGINT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COUNT(*) INTO v FROM shipments WHERE owner_id = p_id;
  RETURN v;
END
=== mysql
DELETE FROM orders WHERE created_at < NOW() - INTERVAL 75 DAY LIMIT 5000
=== mysql
ALTER TABLE orders DROP COLUMN reference
=== mysql
OPTIMIZE TABLE events
=== mysql
ALTER TABLE audit_log DROP COLUMN price
=== mysql
ALTER TABLE `payments` ADD COLUMN `amount` VARCHAR(193) NULL AFTER `id`
=== mysql
CREATE OR REPLACE VIEW v_sessions AS SELECT id, score_19, amount FROM sessions WHERE amount > 0
=== mysql
UPDATE invoices SET created_at = 'done' WHERE id BETWEEN 91 AND 1533
=== mysql
CREATE TABLE IF NOT EXISTS `api_keys` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `note` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_note` (`note`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
ALTER TABLE shipments ADD CONSTRAINT fk_shipments_note FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
OPTIMIZE TABLE subscriptions
=== mysql
ALTER TABLE products ADD INDEX idx_products_reference (reference), ALGORITHM=INPLACE, LOCK=NONE
=== mysql
UPDATE users SET flags = flags | 4
=== mysql
INSERT INTO sessions (email, owner_id, amount) VALUES ('x514', 587, 12.50), ('y478', 996, 3.00) ON DUPLICATE KEY UPDATE amount = VALUES(amount)
=== mysql
ALTER TABLE order_items_15 ADD CONSTRAINT fk_order_items_15_created_at FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
ALTER TABLE customers MODIFY COLUMN region BIGINT NOT NULL
=== mysql
CREATE TABLE IF NOT EXISTS `inventory` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `status_17` VARCHAR(191) NOT NULL,
  `owner_id` BIGINT UNSIGNED DEFAULT NULL,
  `amount` DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_status_17` (`status_17`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
=== mysql
CREATE INDEX idx_price_42 ON tags (price, created_at)
=== mysql
INSERT INTO refunds_12_copy SELECT * FROM refunds_12 WHERE region LIKE 'a%'
=== mysql
DELETE FROM payments WHERE created_at < NOW() - INTERVAL 54 DAY LIMIT 5000
=== mysql
ALTER TABLE orders MODIFY COLUMN quantity BIGINT NOT NULL
=== mysql
ALTER TABLE invoices ADD CONSTRAINT fk_invoices_amount FOREIGN KEY (owner_id) REFERENCES users (id)
=== mysql
UPDATE addresses_23 SET created_at = 'done' WHERE id BETWEEN 406 AND 1265
=== mysql
CREATE OR REPLACE VIEW v_subscriptions_10 AS SELECT id, note, amount FROM subscriptions_10 WHERE amount > 0
=== mysql
ALTER TABLE settings ADD FULLTEXT INDEX ft_updated_at (updated_at) WITH PARSER ngram
=== mysql
INSERT INTO events_34 (flags, owner_id, amount) VALUES ('x901', 893, 12.50), ('y54', 301, 3.00) ON DUPLICATE KEY UPDATE amount = VALUES(amount)
=== mysql
INSERT INTO users_15_copy SELECT * FROM users_15 WHERE status LIKE 'a%'
=== mysql
ALTER TABLE payments ADD INDEX idx_payments_score (score), ALGORITHM=INPLACE, LOCK=NONE
=== mysql
OPTIMIZE TABLE api_keys_3
=== sqlite
CREATE VIEW IF NOT EXISTS v_addresses AS SELECT id, quantity_18 FROM addresses WHERE amount > 0
=== sqlite
ALTER TABLE accounts RENAME COLUMN email TO email_old
=== sqlite
ALTER TABLE products DROP COLUMN reference_4
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('email_14', '77')
=== sqlite
UPDATE products SET price = upper(price) WHERE owner_id = 718
=== sqlite
CREATE TABLE IF NOT EXISTS tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
UPDATE addresses SET reference = upper(reference) WHERE owner_id = 101
=== sqlite
UPDATE subscriptions_22 SET status = upper(status) WHERE owner_id = 994
=== sqlite
DELETE FROM orders_43 WHERE created_at < date('now', '-5 days')
=== sqlite
ALTER TABLE addresses ADD COLUMN region_2 TEXT
=== sqlite
ALTER TABLE sessions ADD COLUMN amount_14 TEXT
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('owner_id', '39')
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_orders_48 AFTER UPDATE ON orders
BEGIN
  UPDATE orders SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
DELETE FROM api_keys WHERE created_at < date('now', '-19 days')
=== sqlite
CREATE INDEX IF NOT EXISTS idx_addresses_country_code ON addresses (country_code)
=== sqlite
INSERT INTO orders (status, owner_id, amount) VALUES ('s950', 83, 1.5)
=== sqlite
CREATE VIEW IF NOT EXISTS v_invoices AS SELECT id, quantity FROM invoices WHERE amount > 0
=== sqlite
DELETE FROM tags WHERE created_at < date('now', '-10 days')
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_orders_53 AFTER UPDATE ON orders
BEGIN
  UPDATE orders SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS shipments_44_fts USING fts5(region, content='shipments_44')
=== sqlite
CREATE VIEW IF NOT EXISTS v_accounts_40 AS SELECT id, price FROM accounts_40 WHERE amount > 0
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_payments_17 AFTER UPDATE ON payments
BEGIN
  UPDATE payments SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
ALTER TABLE users ADD COLUMN external_id TEXT
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS subscriptions_fts USING fts5(score, content='subscriptions')
=== sqlite
CREATE TABLE orders_new AS SELECT * FROM orders
=== sqlite
UPDATE users SET price = upper(price) WHERE owner_id = 853
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS comments_fts USING fts5(score, content='comments')
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_invoices_17 AFTER UPDATE ON invoices
BEGIN
  UPDATE invoices SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
ALTER TABLE events DROP COLUMN external_id
=== sqlite
DROP INDEX IF EXISTS idx_users_32_updated_at
=== sqlite
DELETE FROM tags_39 WHERE created_at < date('now', '-21 days')
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_comments_72 AFTER UPDATE ON comments
BEGIN
  UPDATE comments SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE TABLE audit_log_new AS SELECT * FROM audit_log
=== sqlite
CREATE TABLE IF NOT EXISTS refunds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at_15 TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
ALTER TABLE comments ADD COLUMN score_1 INTEGER NOT NULL DEFAULT 9
=== sqlite
ALTER TABLE order_items_26 ADD COLUMN score TEXT
=== sqlite
DELETE FROM products WHERE created_at < date('now', '-7 days')
=== sqlite
CREATE TABLE shipments_new AS SELECT * FROM shipments
=== sqlite
CREATE TABLE tags_new AS SELECT * FROM tags
=== sqlite
ALTER TABLE inventory DROP COLUMN reference_8
=== sqlite
PRAGMA foreign_keys = ON
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS orders_fts USING fts5(status_9, content='orders')
=== sqlite
UPDATE inventory SET quantity_11 = upper(quantity_11) WHERE owner_id = 105
=== sqlite
CREATE INDEX IF NOT EXISTS idx_api_keys_33_flags ON api_keys_33 (flags)
=== sqlite
ALTER TABLE inventory ADD COLUMN note_3 TEXT
=== sqlite
ALTER TABLE shipments ADD COLUMN quantity INTEGER NOT NULL DEFAULT 3
=== sqlite
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
INSERT INTO addresses_11 (score, owner_id, amount) VALUES ('s690', 54, 1.5)
=== sqlite
ALTER TABLE events_11 ADD COLUMN note INTEGER NOT NULL DEFAULT 9
=== sqlite
ALTER TABLE sessions_36 ADD COLUMN email INTEGER NOT NULL DEFAULT 7
=== sqlite
UPDATE api_keys SET email_5 = upper(email_5) WHERE owner_id = 862
=== sqlite
DELETE FROM events WHERE created_at < date('now', '-27 days')
=== sqlite
CREATE TABLE IF NOT EXISTS tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  score_8 TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('region', '66')
=== sqlite
ALTER TABLE orders_9 ADD COLUMN amount_5 TEXT
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS order_items_fts USING fts5(note, content='order_items')
=== sqlite
DROP INDEX IF EXISTS idx_addresses_score
=== sqlite
DROP INDEX IF EXISTS idx_invoices_32_region_19
=== sqlite
DROP INDEX IF EXISTS idx_comments_34_quantity
=== sqlite
INSERT INTO shipments (reference, owner_id, amount) VALUES ('s71', 95, 1.5)
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS addresses_fts USING fts5(reference, content='addresses')
=== sqlite
PRAGMA foreign_keys = ON
=== sqlite
ALTER TABLE shipments RENAME TO shipments_v2
=== sqlite
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE INDEX IF NOT EXISTS idx_tags_amount ON tags (amount)
=== sqlite
UPDATE sessions SET score_7 = upper(score_7) WHERE owner_id = 346
=== sqlite
PRAGMA foreign_keys = ON
=== sqlite
INSERT INTO audit_log (score_5, owner_id, amount) VALUES ('s486', 58, 1.5)
=== sqlite
CREATE VIEW IF NOT EXISTS v_comments AS SELECT id, score FROM comments WHERE amount > 0
=== sqlite
ALTER TABLE payments RENAME TO payments_v2
=== sqlite
CREATE INDEX IF NOT EXISTS idx_addresses_score ON addresses (score)
=== sqlite
CREATE VIEW IF NOT EXISTS v_invoices AS SELECT id, region FROM invoices WHERE amount > 0
=== sqlite
ALTER TABLE orders_17 RENAME TO orders_17_v2
=== sqlite
ALTER TABLE order_items ADD COLUMN status TEXT
=== sqlite
UPDATE sessions_10 SET amount = upper(amount) WHERE owner_id = 896
=== sqlite
ALTER TABLE shipments RENAME TO shipments_v2
=== sqlite
ALTER TABLE audit_log ADD COLUMN region_8 TEXT
=== sqlite
UPDATE events SET flags = upper(flags) WHERE owner_id = 974
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_subscriptions_76 AFTER UPDATE ON subscriptions
BEGIN
  UPDATE subscriptions SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
INSERT INTO shipments (external_id_8, owner_id, amount) VALUES ('s348', 34, 1.5)
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_addresses_88 AFTER UPDATE ON addresses
BEGIN
  UPDATE addresses SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE INDEX IF NOT EXISTS idx_settings_external_id ON settings (external_id)
=== sqlite
CREATE TABLE IF NOT EXISTS shipments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  country_code_12 TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_subscriptions_42 AFTER UPDATE ON subscriptions
BEGIN
  UPDATE subscriptions SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  quantity TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_subscriptions_9 AFTER UPDATE ON subscriptions
BEGIN
  UPDATE subscriptions SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE TABLE inventory_new AS SELECT * FROM inventory
=== sqlite
CREATE TABLE IF NOT EXISTS order_items_0 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  score TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
ALTER TABLE customers_15 ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 5
=== sqlite
ALTER TABLE order_items DROP COLUMN external_id
=== sqlite
DELETE FROM events WHERE created_at < date('now', '-24 days')
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('score', '86')
=== sqlite
ALTER TABLE inventory ADD COLUMN quantity TEXT
=== sqlite
CREATE INDEX IF NOT EXISTS idx_settings_flags ON settings (flags)
=== sqlite
CREATE TABLE IF NOT EXISTS audit_log_37 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  flags_2 TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
ALTER TABLE comments_37 RENAME COLUMN updated_at TO updated_at_old
=== sqlite
INSERT INTO subscriptions_20 (owner_id, owner_id, amount) VALUES ('s852', 56, 1.5)
=== sqlite
CREATE TABLE IF NOT EXISTS settings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
DELETE FROM customers WHERE created_at < date('now', '-18 days')
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_subscriptions_86 AFTER UPDATE ON subscriptions
BEGIN
  UPDATE subscriptions SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE TABLE IF NOT EXISTS subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  flags TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  note TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('quantity', '54')
=== sqlite
DROP INDEX IF EXISTS idx_sessions_country_code
=== sqlite
CREATE TABLE IF NOT EXISTS subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  note TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
ALTER TABLE comments DROP COLUMN external_id
=== sqlite
UPDATE addresses SET score_9 = upper(score_9) WHERE owner_id = 264
=== sqlite
CREATE VIEW IF NOT EXISTS v_tags AS SELECT id, country_code_5 FROM tags WHERE amount > 0
=== sqlite
INSERT INTO invoices (email, owner_id, amount) VALUES ('s993', 92, 1.5)
=== sqlite
UPDATE products SET note_12 = upper(note_12) WHERE owner_id = 660
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_comments_26_79 AFTER UPDATE ON comments_26
BEGIN
  UPDATE comments_26 SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  amount TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE TRIGGER IF NOT EXISTS trg_comments_10_0 AFTER UPDATE ON comments_10
BEGIN
  UPDATE comments_10 SET created_at = datetime('now') WHERE id = NEW.id;
END
=== sqlite
ALTER TABLE sessions ADD COLUMN country_code INTEGER NOT NULL DEFAULT 8
=== sqlite
CREATE TABLE orders_new AS SELECT * FROM orders
=== sqlite
DELETE FROM shipments WHERE created_at < date('now', '-28 days')
=== sqlite
DELETE FROM shipments WHERE created_at < date('now', '-30 days')
=== sqlite
PRAGMA foreign_keys = ON
=== sqlite
CREATE TABLE IF NOT EXISTS customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  quantity TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE TABLE IF NOT EXISTS shipments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS comments_3_fts USING fts5(status, content='comments_3')
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('note_10', '53')
=== sqlite
CREATE INDEX IF NOT EXISTS idx_events_amount_14 ON events (amount_14)
=== sqlite
CREATE VIEW IF NOT EXISTS v_inventory AS SELECT id, amount FROM inventory WHERE amount > 0
=== sqlite
PRAGMA foreign_keys = ON
=== sqlite
DELETE FROM events WHERE created_at < date('now', '-1 days')
=== sqlite
DROP INDEX IF EXISTS idx_payments_external_id_18
=== sqlite
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
ALTER TABLE invoices RENAME TO invoices_v2
=== sqlite
INSERT INTO shipments_48 (reference, owner_id, amount) VALUES ('s397', 76, 1.5)
=== sqlite
CREATE INDEX IF NOT EXISTS idx_refunds_created_at ON refunds (created_at)
=== sqlite
CREATE VIEW IF NOT EXISTS v_tags AS SELECT id, owner_id_8 FROM tags WHERE amount > 0
=== sqlite
CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  price TEXT NOT NULL,
  owner_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
)
=== sqlite
ALTER TABLE payments_40 ADD COLUMN created_at_16 TEXT
=== sqlite
ALTER TABLE orders_35 RENAME COLUMN reference TO reference_old
=== sqlite
ALTER TABLE inventory DROP COLUMN country_code
=== sqlite
CREATE VIEW IF NOT EXISTS v_subscriptions AS SELECT id, updated_at FROM subscriptions WHERE amount > 0
=== sqlite
UPDATE addresses SET external_id = upper(external_id) WHERE owner_id = 639
=== sqlite
DROP INDEX IF EXISTS idx_invoices_amount
=== sqlite
PRAGMA foreign_keys = ON
=== sqlite
ALTER TABLE api_keys RENAME COLUMN status TO status_old
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('price', '25')
=== sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS settings_fts USING fts5(country_code, content='settings')
=== sqlite
DELETE FROM users WHERE created_at < date('now', '-4 days')
=== sqlite
ALTER TABLE accounts_46 RENAME TO accounts_46_v2
=== sqlite
ALTER TABLE order_items DROP COLUMN status_9
=== sqlite
INSERT OR REPLACE INTO settings (key, value) VALUES ('region_0', '24')
=== sqlite
DELETE FROM events_12 WHERE created_at < date('now', '-2 days')
=== sqlite
ALTER TABLE comments_17 ADD COLUMN created_at TEXT
=== sqlite
ALTER TABLE tags RENAME COLUMN updated_at_3 TO updated_at_3_old
