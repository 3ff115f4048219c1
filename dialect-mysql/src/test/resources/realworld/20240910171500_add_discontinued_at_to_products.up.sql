ALTER TABLE products ADD COLUMN discontinued_at DATETIME NULL;
