ALTER TABLE products DROP COLUMN discontinued_at;
