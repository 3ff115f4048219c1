-- Needed for the new admin screens; safe online (instant ADD COLUMN).
ALTER TABLE payments ADD COLUMN fee DECIMAL(10,2) NOT NULL DEFAULT 0;
