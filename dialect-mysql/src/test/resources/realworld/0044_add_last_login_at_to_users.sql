ALTER TABLE users ADD COLUMN last_login_at DATETIME NULL AFTER updated_at;
