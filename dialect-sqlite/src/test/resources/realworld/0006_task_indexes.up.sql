CREATE INDEX tasks_project_status ON tasks (project_id, status);
-- Partial index: only open work is looked up by assignee.
CREATE INDEX tasks_assignee_open ON tasks (assignee_id, due_date) WHERE status <> 'done';
CREATE INDEX tasks_reporter ON tasks (reporter_id);
