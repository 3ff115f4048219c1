CREATE TRIGGER tasks_assigned AFTER UPDATE OF assignee_id ON tasks
WHEN NEW.assignee_id IS NOT OLD.assignee_id
BEGIN
    INSERT INTO task_events (task_id, kind, detail)
    VALUES (NEW.id, 'assigned',
            CASE WHEN NEW.assignee_id IS NULL THEN 'unassigned'
                 ELSE 'to ' || (SELECT display_name FROM users WHERE id = NEW.assignee_id)
            END);
END;
