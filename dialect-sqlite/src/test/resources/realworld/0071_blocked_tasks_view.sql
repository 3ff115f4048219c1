CREATE VIEW blocked_tasks AS
SELECT t.id, t.title, p.name AS project, julianday('now') - julianday(t.updated_at) AS days_blocked
  FROM tasks t JOIN projects p ON p.id = t.project_id
 WHERE t.status = 'blocked';
