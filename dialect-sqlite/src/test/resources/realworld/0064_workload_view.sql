CREATE VIEW workload AS
SELECT u.id AS user_id, u.display_name,
       count(t.id)                                                   AS open_tasks,
       sum(CASE WHEN t.priority <= 2 THEN 1 ELSE 0 END)              AS urgent,
       rank() OVER (ORDER BY count(t.id) DESC)                       AS busiest
  FROM users u LEFT JOIN tasks t ON t.assignee_id = u.id AND t.status <> 'done'
 GROUP BY u.id, u.display_name;
