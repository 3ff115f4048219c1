CREATE TRIGGER tasks_notify_assignee AFTER UPDATE OF assignee_id ON tasks
WHEN NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS NOT OLD.assignee_id
BEGIN
    INSERT INTO notifications (user_id, kind, task_id, message)
    VALUES (NEW.assignee_id, 'assigned', NEW.id,
            'You were assigned "' || NEW.title || '"'
            || CASE NEW.priority WHEN 1 THEN ' (urgent!)' WHEN 2 THEN ' (high)' ELSE '' END);
END;
