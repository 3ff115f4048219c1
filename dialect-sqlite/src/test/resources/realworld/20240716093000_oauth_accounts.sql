CREATE TABLE oauth_accounts (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    TEXT    NOT NULL CHECK (provider IN ('google', 'github', 'microsoft')),
    subject     TEXT    NOT NULL,
    email       TEXT,
    linked_at   TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (provider, subject)
);
CREATE INDEX oauth_accounts_user ON oauth_accounts (user_id);
