-- Tasks done more than a year ago move to an archive table.
CREATE TABLE tasks_archive (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL,
    number       INTEGER,
    title        TEXT    NOT NULL,
    body         TEXT,
    completed_at TEXT,
    archived_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO tasks_archive (id, project_id, number, title, body, completed_at)
SELECT id, project_id, number, title, body, completed_at
  FROM tasks WHERE status = 'done' AND completed_at < datetime('now', '-1 year');
DELETE FROM tasks WHERE id IN (SELECT id FROM tasks_archive);
