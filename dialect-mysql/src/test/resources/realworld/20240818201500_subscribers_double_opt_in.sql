-- === UP MIGRATION ===
ALTER TABLE subscribers ADD COLUMN confirm_token CHAR(32) NULL,
  ADD COLUMN confirmed_at DATETIME NULL;

-- === DOWN MIGRATION ===
ALTER TABLE subscribers DROP COLUMN confirm_token, DROP COLUMN confirmed_at;
