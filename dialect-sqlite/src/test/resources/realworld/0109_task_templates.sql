CREATE TABLE task_templates (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    body       TEXT,
    priority   INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    UNIQUE (team_id, name)
);
