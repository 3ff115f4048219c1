CREATE TABLE time_entries (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    started_at TEXT    NOT NULL,
    ended_at   TEXT,
    minutes    INTEGER GENERATED ALWAYS AS (
                   CASE WHEN ended_at IS NULL THEN NULL
                        ELSE CAST((julianday(ended_at) - julianday(started_at)) * 1440 AS INTEGER) END
               ) VIRTUAL,
    note       TEXT,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX time_entries_task ON time_entries (task_id);
CREATE INDEX time_entries_user_day ON time_entries (user_id, date(started_at));
-- At most one running timer per person.
CREATE UNIQUE INDEX time_entries_one_running ON time_entries (user_id) WHERE ended_at IS NULL;
