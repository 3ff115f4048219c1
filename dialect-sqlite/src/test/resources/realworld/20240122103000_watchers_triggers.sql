CREATE TRIGGER tasks_watch_on_create AFTER INSERT ON tasks
BEGIN
    INSERT OR IGNORE INTO task_watchers (task_id, user_id)
    SELECT NEW.id, x.uid FROM (SELECT NEW.reporter_id AS uid UNION SELECT NEW.assignee_id) x WHERE x.uid IS NOT NULL;
END;
CREATE TRIGGER comments_watch AFTER INSERT ON comments
WHEN NEW.author_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO task_watchers (task_id, user_id) VALUES (NEW.task_id, NEW.author_id);
END;
