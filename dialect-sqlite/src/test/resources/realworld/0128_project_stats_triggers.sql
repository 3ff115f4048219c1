-- Upserts inside trigger bodies keep the counters current.
CREATE TRIGGER project_stats_task_insert AFTER INSERT ON tasks
BEGIN
    INSERT INTO project_stats (project_id, open_count, done_count)
    VALUES (NEW.project_id, CASE WHEN NEW.status = 'done' THEN 0 ELSE 1 END, CASE WHEN NEW.status = 'done' THEN 1 ELSE 0 END)
    ON CONFLICT (project_id) DO UPDATE
       SET open_count = open_count + excluded.open_count,
           done_count = done_count + excluded.done_count;
END;
CREATE TRIGGER project_stats_task_status AFTER UPDATE OF status ON tasks
WHEN (OLD.status = 'done') <> (NEW.status = 'done')
BEGIN
    UPDATE project_stats
       SET open_count = open_count + CASE WHEN NEW.status = 'done' THEN -1 ELSE 1 END,
           done_count = done_count + CASE WHEN NEW.status = 'done' THEN 1 ELSE -1 END
     WHERE project_id = NEW.project_id;
END;
CREATE TRIGGER project_stats_task_delete AFTER DELETE ON tasks
BEGIN
    UPDATE project_stats
       SET open_count = open_count - CASE WHEN OLD.status = 'done' THEN 0 ELSE 1 END,
           done_count = done_count - CASE WHEN OLD.status = 'done' THEN 1 ELSE 0 END
     WHERE project_id = OLD.project_id;
END;
