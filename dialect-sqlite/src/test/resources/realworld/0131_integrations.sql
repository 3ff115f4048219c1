CREATE TABLE integrations (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    provider   TEXT    NOT NULL CHECK (provider IN ('slack', 'github', 'gitlab', 'matrix')),
    config     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (team_id, provider)
);
