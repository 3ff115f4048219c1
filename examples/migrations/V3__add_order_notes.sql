-- Flyway-style names are read as they are.
ALTER TABLE orders ADD COLUMN notes TEXT;
