CREATE TABLE recurring_tasks (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES task_templates (id) ON DELETE CASCADE,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    rule        TEXT    NOT NULL CHECK (rule IN ('daily', 'weekly', 'monthly')),
    next_run    TEXT    NOT NULL CHECK (date(next_run) IS NOT NULL),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX recurring_tasks_due ON recurring_tasks (next_run) WHERE active = 1;
