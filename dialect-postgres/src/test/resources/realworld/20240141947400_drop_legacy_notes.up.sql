-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE orders DROP COLUMN notes;
