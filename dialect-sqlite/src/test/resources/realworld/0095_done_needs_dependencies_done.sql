CREATE TRIGGER tasks_done_blocked_by_dependencies BEFORE UPDATE OF status ON tasks
WHEN NEW.status = 'done'
 AND EXISTS (SELECT 1 FROM task_dependencies d JOIN tasks t ON t.id = d.depends_on_id
              WHERE d.task_id = NEW.id AND t.status <> 'done')
BEGIN
    SELECT RAISE(ABORT, 'a task it depends on is not done; finish that one first');
END;
