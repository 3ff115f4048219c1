ALTER TABLE users DROP COLUMN avatar_url;
ALTER TABLE users DROP COLUMN locale;
ALTER TABLE users DROP COLUMN timezone;
