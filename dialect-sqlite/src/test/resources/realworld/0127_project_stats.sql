CREATE TABLE project_stats (
    project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    open_count INTEGER NOT NULL DEFAULT 0,
    done_count INTEGER NOT NULL DEFAULT 0
);
-- Data migration: compute the counters once.
INSERT INTO project_stats (project_id, open_count, done_count)
SELECT p.id,
       (SELECT count(*) FROM tasks t WHERE t.project_id = p.id AND t.status <> 'done'),
       (SELECT count(*) FROM tasks t WHERE t.project_id = p.id AND t.status = 'done')
  FROM projects p;
