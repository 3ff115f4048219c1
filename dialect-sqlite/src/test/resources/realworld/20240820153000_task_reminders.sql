-- === UP MIGRATION ===
CREATE TABLE task_reminders (
    id        INTEGER PRIMARY KEY,
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    remind_at TEXT    NOT NULL,
    sent      INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))
);
CREATE INDEX task_reminders_due ON task_reminders (remind_at) WHERE sent = 0;
-- A reminder the day before the due date for whoever is assigned.
CREATE TRIGGER tasks_due_reminder AFTER UPDATE OF due_date ON tasks
WHEN NEW.due_date IS NOT NULL AND NEW.assignee_id IS NOT NULL AND NEW.due_date IS NOT OLD.due_date
BEGIN
    DELETE FROM task_reminders WHERE task_id = NEW.id AND sent = 0;
    INSERT INTO task_reminders (task_id, user_id, remind_at)
    VALUES (NEW.id, NEW.assignee_id, datetime(NEW.due_date, '-1 day', '+9 hours'));
END;

-- === DOWN MIGRATION ===
DROP TABLE task_reminders;
