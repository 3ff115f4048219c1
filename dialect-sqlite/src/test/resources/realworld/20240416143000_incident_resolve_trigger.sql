CREATE TRIGGER incident_updates_resolve AFTER INSERT ON incident_updates
WHEN lower(NEW.body) LIKE 'resolved%'
BEGIN
    UPDATE incidents SET resolved_at = NEW.at WHERE id = NEW.incident_id AND resolved_at IS NULL;
    INSERT INTO settings (key, value) VALUES ('status.last_incident', NEW.incident_id)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = CURRENT_TIMESTAMP;
END;
