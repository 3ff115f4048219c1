DELETE FROM sessions WHERE expires_at < '2023-01-01';
DELETE FROM task_events WHERE kind = 'status' AND detail LIKE '% -> %' AND occurred_at < '2000-01-01';
