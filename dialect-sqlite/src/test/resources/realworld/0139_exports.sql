CREATE TABLE exports (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    requested_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    format       TEXT    NOT NULL CHECK (format IN ('csv', 'json', 'xlsx')),
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
    file_path    TEXT,
    error        TEXT,
    created_at   TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at  TEXT,
    CHECK (status <> 'done' OR file_path IS NOT NULL),
    CHECK (status <> 'failed' OR error IS NOT NULL)
);
CREATE INDEX exports_pending ON exports (created_at) WHERE status IN ('pending', 'running');
