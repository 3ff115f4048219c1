ALTER TABLE projects ADD COLUMN archived_at TEXT;
UPDATE projects SET archived_at = CURRENT_TIMESTAMP WHERE status = 'archived';

CREATE TRIGGER projects_archived_at AFTER UPDATE OF status ON projects
WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE projects
       SET archived_at = CASE WHEN NEW.status = 'archived' THEN coalesce(archived_at, CURRENT_TIMESTAMP) ELSE NULL END
     WHERE id = NEW.id;
    UPDATE tasks SET status = 'blocked'
     WHERE project_id = NEW.id AND NEW.status = 'paused' AND status IN ('todo', 'doing');
END;
