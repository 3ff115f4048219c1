-- === UP MIGRATION ===
CREATE TABLE milestones (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    due_date   TEXT    CHECK (due_date IS NULL OR date(due_date) IS NOT NULL),
    closed     INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    UNIQUE (project_id, name)
);
ALTER TABLE tasks ADD COLUMN milestone_id INTEGER REFERENCES milestones (id) ON DELETE SET NULL;
CREATE INDEX tasks_milestone ON tasks (milestone_id) WHERE milestone_id IS NOT NULL;

-- === DOWN MIGRATION ===
DROP INDEX tasks_milestone;
ALTER TABLE tasks DROP COLUMN milestone_id;
DROP TABLE milestones;
