CREATE TRIGGER comments_added AFTER INSERT ON comments
BEGIN
    INSERT INTO task_events (task_id, kind, detail, actor_id)
    VALUES (NEW.task_id, 'commented', substr(NEW.body, 1, 80), NEW.author_id);
    UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.task_id;
END;
