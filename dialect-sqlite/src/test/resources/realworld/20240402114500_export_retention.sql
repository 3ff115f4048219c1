ALTER TABLE exports ADD COLUMN expires_at TEXT;
-- keel:allow dml-without-where a backfill of every row is intended here
UPDATE exports SET expires_at = datetime(coalesce(finished_at, created_at), '+7 days');
CREATE TRIGGER exports_default_expiry AFTER INSERT ON exports
WHEN NEW.expires_at IS NULL
BEGIN
    UPDATE exports SET expires_at = datetime(NEW.created_at, '+7 days') WHERE id = NEW.id;
END;
