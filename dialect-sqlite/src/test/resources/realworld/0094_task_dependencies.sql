-- migrate:up
CREATE TABLE task_dependencies (
    task_id       INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    depends_on_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, depends_on_id),
    CHECK (task_id <> depends_on_id)
) WITHOUT ROWID;
CREATE INDEX task_dependencies_reverse ON task_dependencies (depends_on_id);

CREATE TRIGGER task_dependencies_no_cycle BEFORE INSERT ON task_dependencies
BEGIN
    SELECT RAISE(ABORT, 'dependency cycle')
     WHERE EXISTS (
         WITH RECURSIVE up(id) AS (
             SELECT NEW.depends_on_id
             UNION
             SELECT d.depends_on_id FROM task_dependencies d JOIN up ON d.task_id = up.id
         )
         SELECT 1 FROM up WHERE id = NEW.task_id);
END;

-- migrate:down
DROP TABLE task_dependencies;
