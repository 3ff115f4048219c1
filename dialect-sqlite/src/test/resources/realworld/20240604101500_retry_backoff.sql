ALTER TABLE webhook_deliveries ADD COLUMN next_attempt_at TEXT;
CREATE TRIGGER webhook_deliveries_backoff AFTER UPDATE OF attempts ON webhook_deliveries
WHEN NEW.delivered_at IS NULL
BEGIN
    UPDATE webhook_deliveries
       SET next_attempt_at = datetime('now', '+' || (CASE WHEN NEW.attempts > 6 THEN 64 ELSE (1 << NEW.attempts) END) || ' minutes')
     WHERE id = NEW.id;
END;
