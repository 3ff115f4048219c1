-- migrate:up
CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT    NOT NULL CHECK (body <> ''),
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    edited_at  TEXT
);
CREATE INDEX comments_task ON comments (task_id, created_at);

-- migrate:down
DROP TABLE comments;
