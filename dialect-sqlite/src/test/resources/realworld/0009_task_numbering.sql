-- === UP MIGRATION ===
ALTER TABLE projects ADD COLUMN task_counter INTEGER NOT NULL DEFAULT 0 CHECK (task_counter >= 0);

CREATE TRIGGER tasks_number AFTER INSERT ON tasks
WHEN NEW.number IS NULL
BEGIN
    UPDATE projects SET task_counter = task_counter + 1 WHERE id = NEW.project_id;
    UPDATE tasks
       SET number = (SELECT task_counter FROM projects WHERE id = NEW.project_id)
     WHERE id = NEW.id;
END;

-- === DOWN MIGRATION ===
DROP TRIGGER tasks_number;
ALTER TABLE projects DROP COLUMN task_counter;
