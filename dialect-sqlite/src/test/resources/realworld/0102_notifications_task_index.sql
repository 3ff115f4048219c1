CREATE INDEX notifications_task ON notifications (task_id) WHERE task_id IS NOT NULL;
