-- The values live in user_preferences since 0075.
-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE users DROP COLUMN locale;
-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE users DROP COLUMN timezone;
