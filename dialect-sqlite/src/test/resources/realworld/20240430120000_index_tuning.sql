-- From EXPLAIN QUERY PLAN of the slowest pages.
DROP INDEX tasks_reporter;
CREATE INDEX tasks_reporter_created ON tasks (reporter_id, created_at DESC);
CREATE INDEX task_events_kind_recent ON task_events (kind, occurred_at DESC) WHERE kind IN ('completed', 'reopened');
CREATE INDEX comments_recent ON comments (created_at DESC);
