-- keel:allow drop-column the fixture retires this column on purpose; no code reads it any more
ALTER TABLE sessions DROP COLUMN user_agent;
ALTER TABLE sessions ADD COLUMN ip TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
