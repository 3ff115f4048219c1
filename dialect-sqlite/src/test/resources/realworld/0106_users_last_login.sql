ALTER TABLE users ADD COLUMN last_login_at TEXT;
-- keel:allow dml-without-where a backfill of every row is intended here
UPDATE users SET last_login_at = (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = users.id);

CREATE TRIGGER sessions_login AFTER INSERT ON sessions
BEGIN
    UPDATE users SET last_login_at = NEW.created_at WHERE id = NEW.user_id;
END;
