CREATE VIEW sprint_progress AS
WITH counts AS (
    SELECT st.sprint_id,
           count(*)                                        AS total,
           sum(CASE WHEN t.status = 'done' THEN 1 END)     AS done
      FROM sprint_tasks st JOIN tasks t ON t.id = st.task_id
     GROUP BY st.sprint_id
)
SELECT s.id, s.name, s.begin, s.end, coalesce(c.total, 0) AS total, coalesce(c.done, 0) AS done,
       CASE WHEN coalesce(c.total, 0) = 0 THEN 0 ELSE round(100.0 * c.done / c.total, 1) END AS percent
  FROM sprints s LEFT JOIN counts c ON c.sprint_id = s.id;
