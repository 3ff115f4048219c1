CREATE VIEW recent_activity AS
SELECT e.occurred_at AS at, 'task' AS source, e.task_id AS ref_id, e.kind || ': ' || coalesce(e.detail, '') AS summary
  FROM task_events e
UNION ALL
SELECT a.at, a.entity, a.entity_id, a.action || ' ' || coalesce(a.changes, '{}')
  FROM audit_log a
 ORDER BY 1 DESC
 LIMIT 200;
