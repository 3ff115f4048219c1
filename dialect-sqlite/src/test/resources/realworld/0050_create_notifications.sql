CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('assigned', 'mentioned', 'commented', 'due_soon', 'invoice')),
    task_id    INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    message    TEXT    NOT NULL,
    read_at    TEXT,
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX notifications_unread ON notifications (user_id, created_at) WHERE read_at IS NULL;
