CREATE VIEW team_overview AS
SELECT t.id, t.slug, t.name,
       (SELECT count(*) FROM team_members m WHERE m.team_id = t.id)                   AS members,
       (SELECT count(*) FROM projects p WHERE p.team_id = t.id AND p.status = 'active') AS active_projects,
       (SELECT sum(s.open_count) FROM project_stats s JOIN projects p ON p.id = s.project_id WHERE p.team_id = t.id)
                                                                                      AS open_tasks,
       (SELECT pl.name FROM subscriptions su JOIN plans pl ON pl.id = su.plan_id WHERE su.team_id = t.id) AS plan
  FROM teams t;
