CREATE TRIGGER tasks_created AFTER INSERT ON tasks
BEGIN
    INSERT INTO task_events (task_id, kind, detail, actor_id) VALUES (NEW.id, 'created', NEW.title, NEW.reporter_id);
END;

-- Backfill: the seed tasks predate the trigger.
INSERT INTO task_events (task_id, kind, detail, actor_id, at)
SELECT id, 'created', title, reporter_id, created_at FROM tasks
 WHERE NOT EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = tasks.id AND e.kind = 'created');
