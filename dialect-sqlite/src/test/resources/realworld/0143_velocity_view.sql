CREATE VIEW weekly_velocity AS
WITH weeks AS (
    SELECT p.team_id, strftime('%Y-%W', t.completed_at) AS week, count(*) AS done
      FROM tasks t JOIN projects p ON p.id = t.project_id
     WHERE t.completed_at IS NOT NULL
     GROUP BY 1, 2
)
SELECT team_id, week, done,
       done - lag(done, 1, 0) OVER (PARTITION BY team_id ORDER BY week)         AS change,
       avg(done) OVER (PARTITION BY team_id ORDER BY week ROWS 3 PRECEDING)     AS rolling_avg
  FROM weeks;
