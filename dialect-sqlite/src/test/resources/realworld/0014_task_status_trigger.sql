-- One event per status change, and completed_at kept in step with the status.
CREATE TRIGGER tasks_status_changed AFTER UPDATE OF status ON tasks
FOR EACH ROW WHEN OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO task_events (task_id, kind, detail)
    VALUES (NEW.id,
            CASE
                WHEN NEW.status = 'done' THEN 'completed'
                WHEN OLD.status = 'done' THEN 'reopened'
                ELSE 'status'
            END,
            OLD.status || ' -> ' || NEW.status);
    UPDATE tasks
       SET completed_at = CASE NEW.status WHEN 'done' THEN CURRENT_TIMESTAMP ELSE NULL END
     WHERE id = NEW.id;
END;
