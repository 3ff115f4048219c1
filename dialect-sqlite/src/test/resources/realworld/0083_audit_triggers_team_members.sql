CREATE TRIGGER team_members_audit_insert AFTER INSERT ON team_members
BEGIN
    INSERT INTO audit_log (entity, entity_id, action, changes)
    VALUES ('team_member', NEW.team_id, 'insert', json_object('user', NEW.user_id, 'role', NEW.role));
END;
CREATE TRIGGER team_members_audit_role AFTER UPDATE OF role ON team_members
BEGIN
    INSERT INTO audit_log (entity, entity_id, action, changes)
    VALUES ('team_member', NEW.team_id, 'update', json_object('user', NEW.user_id, 'role', json_array(OLD.role, NEW.role)));
END;
CREATE TRIGGER team_members_audit_delete AFTER DELETE ON team_members
BEGIN
    INSERT INTO audit_log (entity, entity_id, action, changes)
    VALUES ('team_member', OLD.team_id, 'delete', json_object('user', OLD.user_id));
END;
