ALTER TABLE task_events RENAME COLUMN at TO occurred_at;
