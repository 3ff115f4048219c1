ALTER TABLE tasks ADD COLUMN position REAL;
-- keel:allow dml-without-where a backfill of every row is intended here
UPDATE tasks SET position = (SELECT count(*) FROM tasks t2 WHERE t2.project_id = tasks.project_id AND t2.id <= tasks.id);
CREATE INDEX tasks_board_order ON tasks (project_id, status, position);
