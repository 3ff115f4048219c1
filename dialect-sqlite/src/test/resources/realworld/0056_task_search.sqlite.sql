-- SQLite: an FTS5 index over task titles and bodies, kept in step by triggers (external content table).
CREATE VIRTUAL TABLE tasks_fts USING fts5 (title, body, content = 'tasks', content_rowid = 'id', tokenize = 'unicode61');

INSERT INTO tasks_fts (rowid, title, body) SELECT id, title, coalesce(body, '') FROM tasks;

CREATE TRIGGER tasks_fts_ai AFTER INSERT ON tasks
BEGIN
    INSERT INTO tasks_fts (rowid, title, body) VALUES (NEW.id, NEW.title, coalesce(NEW.body, ''));
END;
CREATE TRIGGER tasks_fts_ad AFTER DELETE ON tasks
BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, coalesce(OLD.body, ''));
END;
CREATE TRIGGER tasks_fts_au AFTER UPDATE OF title, body ON tasks
BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, coalesce(OLD.body, ''));
    INSERT INTO tasks_fts (rowid, title, body) VALUES (NEW.id, NEW.title, coalesce(NEW.body, ''));
END;
