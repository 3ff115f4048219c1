-- migrate:up
-- begin and end are column names here; SQLite accepts them as identifiers.
CREATE TABLE sprints (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    begin      TEXT    NOT NULL CHECK (date(begin) IS NOT NULL),
    end        TEXT    CHECK (end IS NULL OR end > begin),
    goal       TEXT
);
CREATE TABLE sprint_tasks (
    sprint_id INTEGER NOT NULL REFERENCES sprints (id) ON DELETE CASCADE,
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (sprint_id, task_id)
) WITHOUT ROWID;

-- migrate:down
DROP TABLE sprint_tasks;
DROP TABLE sprints;
