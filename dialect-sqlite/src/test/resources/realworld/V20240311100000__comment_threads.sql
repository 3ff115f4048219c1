ALTER TABLE comments ADD COLUMN parent_id INTEGER REFERENCES comments (id) ON DELETE CASCADE;
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE TRIGGER comments_thread_same_task BEFORE INSERT ON comments
WHEN NEW.parent_id IS NOT NULL AND (SELECT task_id FROM comments WHERE id = NEW.parent_id) IS NOT NEW.task_id
BEGIN
    SELECT RAISE(ABORT, 'a reply belongs to the task of its parent comment');
END;
