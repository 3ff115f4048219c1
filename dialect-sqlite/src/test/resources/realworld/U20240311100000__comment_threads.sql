DROP TRIGGER comments_thread_same_task;
DROP INDEX comments_parent;
ALTER TABLE comments DROP COLUMN parent_id;
