INSERT INTO sprints (id, project_id, name, begin) VALUES (1, 1, 'Sprint 1; kick-off', '2023-04-03');
INSERT INTO sprint_tasks (sprint_id, task_id) SELECT 1, id FROM tasks WHERE project_id = 1;
