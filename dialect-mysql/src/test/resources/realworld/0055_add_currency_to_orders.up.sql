-- Needed for the new admin screens; safe online (instant ADD COLUMN).
ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR' AFTER total;
