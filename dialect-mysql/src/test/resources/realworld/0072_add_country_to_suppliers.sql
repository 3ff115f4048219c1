-- === UP MIGRATION ===
ALTER TABLE suppliers ADD COLUMN country CHAR(2) NULL;

-- === DOWN MIGRATION ===
ALTER TABLE suppliers DROP COLUMN country;
