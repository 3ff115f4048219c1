ALTER TABLE tasks ADD COLUMN attachment_count INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER attachments_count_ai AFTER INSERT ON attachments
WHEN NEW.task_id IS NOT NULL
BEGIN
    UPDATE tasks SET attachment_count = attachment_count + 1 WHERE id = NEW.task_id;
END;
CREATE TRIGGER attachments_count_ad AFTER DELETE ON attachments
WHEN OLD.task_id IS NOT NULL
BEGIN
    UPDATE tasks SET attachment_count = max(attachment_count - 1, 0) WHERE id = OLD.task_id;
END;
