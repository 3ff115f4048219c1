-- The values live in user_preferences since 0075.
ALTER TABLE users DROP COLUMN locale;
ALTER TABLE users DROP COLUMN timezone;
