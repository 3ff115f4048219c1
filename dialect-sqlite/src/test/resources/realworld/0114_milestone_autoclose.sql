CREATE TRIGGER tasks_milestone_autoclose AFTER UPDATE OF status ON tasks
WHEN NEW.status = 'done' AND NEW.milestone_id IS NOT NULL
BEGIN
    UPDATE milestones SET closed = 1
     WHERE id = NEW.milestone_id
       AND NOT EXISTS (SELECT 1 FROM tasks WHERE milestone_id = NEW.milestone_id AND status <> 'done');
END;
