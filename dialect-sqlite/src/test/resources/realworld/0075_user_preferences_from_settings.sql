-- This file was saved by an editor that writes a UTF-8 byte-order mark. Keel drops it.
CREATE TABLE user_preferences (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key     TEXT    NOT NULL,
    value   TEXT    NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
-- Data migration: move the per-user columns into key/value rows.
INSERT INTO user_preferences (user_id, key, value) SELECT id, 'timezone', timezone FROM users;
INSERT INTO user_preferences (user_id, key, value) SELECT id, 'locale', locale FROM users;
INSERT INTO user_preferences (user_id, key, value) SELECT id, 'theme', 'système' FROM users;
