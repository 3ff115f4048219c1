-- Migration: 0005
-- Description: The heart of the app
CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number      INTEGER,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    body        TEXT,
    status      TEXT    NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
    priority    INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reporter_id INTEGER NOT NULL REFERENCES users (id),
    due_date    TEXT    CHECK (due_date IS NULL OR date(due_date) IS NOT NULL),
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (project_id, number)
);
