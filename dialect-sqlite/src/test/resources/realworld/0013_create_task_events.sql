CREATE TABLE task_events (
    id       INTEGER PRIMARY KEY,
    task_id  INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('created', 'status', 'assigned', 'commented', 'completed', 'reopened')),
    detail   TEXT,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX task_events_task ON task_events (task_id, at);

ALTER TABLE tasks ADD COLUMN completed_at TEXT;
