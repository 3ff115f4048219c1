CREATE VIEW open_tasks AS
SELECT t.id,
       p.key || '-' || t.number                                   AS ref,
       t.title,
       t.status,
       t.priority,
       u.display_name                                            AS assignee,
       t.due_date,
       CASE WHEN t.due_date < date('now') THEN 1 ELSE 0 END      AS overdue
  FROM tasks t
  JOIN projects p ON p.id = t.project_id
  LEFT JOIN users u ON u.id = t.assignee_id
 WHERE t.status <> 'done';
