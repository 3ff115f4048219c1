-- migrate:up
CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    started_at  TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    resolved_at TEXT,
    CHECK (resolved_at IS NULL OR resolved_at >= started_at)
);
CREATE TABLE incident_updates (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    at          TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE incident_updates;
DROP TABLE incidents;
