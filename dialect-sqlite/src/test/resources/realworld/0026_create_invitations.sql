CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    email       TEXT    NOT NULL COLLATE NOCASE CHECK (email LIKE '%_@_%'),
    role        TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member', 'guest')),
    invited_by  INTEGER NOT NULL REFERENCES users (id),
    token       TEXT    NOT NULL UNIQUE,
    accepted_at TEXT,
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX invitations_pending ON invitations (team_id, email) WHERE accepted_at IS NULL;
