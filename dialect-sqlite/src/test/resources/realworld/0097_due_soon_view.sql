CREATE VIEW due_soon AS
SELECT t.id, t.title, t.assignee_id, t.due_date,
       CAST(julianday(t.due_date) - julianday(date('now')) AS INTEGER) AS days_left
  FROM tasks t
 WHERE t.status NOT IN ('done', 'blocked')
   AND t.due_date IS NOT NULL
   AND t.due_date BETWEEN date('now') AND date('now', '+3 days');
