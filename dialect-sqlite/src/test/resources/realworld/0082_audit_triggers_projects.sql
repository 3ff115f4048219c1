CREATE TRIGGER projects_audit_insert AFTER INSERT ON projects
BEGIN
    INSERT INTO audit_log (entity, entity_id, action, changes)
    VALUES ('project', NEW.id, 'insert', json_object('key', NEW.key, 'name', NEW.name));
END;
CREATE TRIGGER projects_audit_update AFTER UPDATE ON projects
WHEN OLD.name IS NOT NEW.name OR OLD.status IS NOT NEW.status OR OLD.key IS NOT NEW.key
BEGIN
    INSERT INTO audit_log (entity, entity_id, action, changes)
    VALUES ('project', NEW.id, 'update',
            json_object('name',   CASE WHEN OLD.name IS NOT NEW.name THEN json_array(OLD.name, NEW.name) END,
                        'status', CASE WHEN OLD.status IS NOT NEW.status THEN json_array(OLD.status, NEW.status) END,
                        'key',    CASE WHEN OLD.key IS NOT NEW.key THEN json_array(OLD.key, NEW.key) END));
    UPDATE audit_log SET changes = json_remove(changes, '$.name') WHERE id = last_insert_rowid() AND changes ->> '$.name' IS NULL;
END;
CREATE TRIGGER projects_audit_delete AFTER DELETE ON projects
BEGIN
    INSERT INTO audit_log (entity, entity_id, action, changes) VALUES ('project', OLD.id, 'delete', json_object('key', OLD.key));
END;
