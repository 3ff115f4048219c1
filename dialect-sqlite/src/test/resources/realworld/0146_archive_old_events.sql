-- === UP MIGRATION ===
CREATE TABLE task_events_archive (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    detail      TEXT,
    actor_id    INTEGER,
    occurred_at TEXT    NOT NULL
);
INSERT INTO task_events_archive (id, task_id, kind, detail, actor_id, occurred_at)
SELECT id, task_id, kind, detail, actor_id, occurred_at FROM task_events WHERE occurred_at < '2023-01-01';
DELETE FROM task_events WHERE id IN (SELECT id FROM task_events_archive);

-- === DOWN MIGRATION ===
INSERT INTO task_events (id, task_id, kind, detail, actor_id, occurred_at)
SELECT id, task_id, kind, detail, actor_id, occurred_at FROM task_events_archive;
DROP TABLE task_events_archive;
