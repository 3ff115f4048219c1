ALTER TABLE projects ADD COLUMN template_id INTEGER REFERENCES project_templates (id) ON DELETE SET NULL;

CREATE TRIGGER projects_apply_template AFTER UPDATE OF template_id ON projects
WHEN NEW.template_id IS NOT NULL AND OLD.template_id IS NULL
BEGIN
    INSERT OR IGNORE INTO tags (team_id, name)
    SELECT NEW.team_id, j.value FROM project_templates pt, json_each(pt.tags) j WHERE pt.id = NEW.template_id;
    INSERT INTO audit_log (entity, entity_id, action, changes)
    VALUES ('project', NEW.id, 'update', json_object('template', NEW.template_id));
END;
