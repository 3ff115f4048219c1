ALTER TABLE users DROP COLUMN status_until;
ALTER TABLE users DROP COLUMN status_text;
