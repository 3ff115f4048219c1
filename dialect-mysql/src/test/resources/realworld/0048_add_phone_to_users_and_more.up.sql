-- Needed for the new admin screens; safe online (instant ADD COLUMN).
ALTER TABLE users ADD COLUMN phone VARCHAR(40) NULL AFTER display_name;
ALTER TABLE users ADD INDEX users_last_login_ix (last_login_at);
ALTER TABLE products ADD COLUMN weight_grams INT UNSIGNED NULL;
