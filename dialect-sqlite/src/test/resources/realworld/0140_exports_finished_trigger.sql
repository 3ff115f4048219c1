CREATE TRIGGER exports_finished AFTER UPDATE OF status ON exports
WHEN NEW.status IN ('done', 'failed') AND OLD.status NOT IN ('done', 'failed')
BEGIN
    UPDATE exports SET finished_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
    INSERT INTO notifications (user_id, kind, message)
    SELECT NEW.requested_by, 'invoice',
           CASE NEW.status WHEN 'done' THEN 'Your ' || upper(NEW.format) || ' export is ready'
                           ELSE 'Your export failed: ' || NEW.error END
     WHERE NEW.requested_by IS NOT NULL;
END;
