CREATE TRIGGER comments_edited AFTER UPDATE OF body ON comments
WHEN NEW.body IS NOT OLD.body
BEGIN
    UPDATE comments SET edited_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
