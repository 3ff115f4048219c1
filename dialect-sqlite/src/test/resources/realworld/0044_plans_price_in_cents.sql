-- plans is small and nothing references its price: add the new column, copy, drop the old one.
ALTER TABLE plans ADD COLUMN monthly_price_cents INTEGER NOT NULL DEFAULT 0 CHECK (monthly_price_cents >= 0);
-- keel:allow dml-without-where a backfill of every row is intended here
UPDATE plans SET monthly_price_cents = CAST(round(monthly_price * 100) AS INTEGER);
-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE plans DROP COLUMN monthly_price;
