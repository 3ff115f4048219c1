-- Keep updated_at current. recursive_triggers is off, so the UPDATE below does not fire this trigger again.
CREATE TRIGGER tasks_touch AFTER UPDATE ON tasks
FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
