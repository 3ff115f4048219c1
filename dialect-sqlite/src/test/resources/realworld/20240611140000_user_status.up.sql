ALTER TABLE users ADD COLUMN status_text TEXT CHECK (status_text IS NULL OR length(status_text) <= 80);
ALTER TABLE users ADD COLUMN status_until TEXT;
