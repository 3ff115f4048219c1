CREATE VIEW milestone_progress AS
SELECT m.id, m.project_id, m.name, m.due_date,
       count(t.id)                                        AS tasks,
       count(t.completed_at)                              AS done,
       total(t.estimate_minutes)                          AS estimate_minutes,
       total(CASE WHEN t.status <> 'done' THEN t.estimate_minutes END) AS remaining_minutes
  FROM milestones m LEFT JOIN tasks t ON t.milestone_id = m.id
 GROUP BY m.id;
