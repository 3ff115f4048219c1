-- Comments of deleted users stay, with author_id NULL: rebuild comments (author_id loses NOT NULL).
-- Triggers on comments go with the table; recreate them. comment_reactions refers to comments by name,
-- so the renamed table keeps its children.
CREATE TABLE comments_new (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body_md    TEXT    NOT NULL CHECK (body_md <> ''),
    body_html  TEXT,
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    edited_at  TEXT
);
INSERT INTO comments_new (id, task_id, author_id, body_md, body_html, created_at, edited_at)
SELECT id, task_id, author_id, body_md, body_html, created_at, edited_at FROM comments;
DROP VIEW task_board;
-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE comments;
ALTER TABLE comments_new RENAME TO comments;
CREATE INDEX comments_task ON comments (task_id, created_at);
CREATE INDEX comments_author ON comments (author_id) WHERE author_id IS NOT NULL;

CREATE TRIGGER comments_added AFTER INSERT ON comments
BEGIN
    INSERT INTO task_events (task_id, kind, detail, actor_id)
    VALUES (NEW.task_id, 'commented', substr(NEW.body_md, 1, 80), NEW.author_id);
    UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.task_id;
END;
CREATE TRIGGER comments_notify AFTER INSERT ON comments
BEGIN
    INSERT INTO notifications (user_id, kind, task_id, message)
    SELECT DISTINCT u.id,
           CASE WHEN instr(NEW.body_md, '@' || u.name) > 0 THEN 'mentioned' ELSE 'commented' END,
           NEW.task_id,
           coalesce((SELECT name FROM users WHERE id = NEW.author_id), 'someone') || ': ' || substr(NEW.body_md, 1, 120)
      FROM users u
     WHERE u.id IS NOT NEW.author_id
       AND u.id IN (SELECT assignee_id FROM tasks WHERE id = NEW.task_id
                    UNION SELECT reporter_id FROM tasks WHERE id = NEW.task_id
                    UNION SELECT author_id FROM comments WHERE task_id = NEW.task_id);
END;
CREATE TRIGGER comments_edited AFTER UPDATE OF body_md ON comments
WHEN NEW.body_md IS NOT OLD.body_md
BEGIN
    UPDATE comments SET edited_at = CURRENT_TIMESTAMP, body_html = NULL WHERE id = NEW.id;
END;
CREATE VIEW task_board AS
SELECT t.id, t.project_id, p.key || '-' || t.number AS ref, t.title, t.status, t.priority,
       (SELECT count(*) FROM comments c WHERE c.task_id = t.id) AS comment_count,
       (SELECT group_concat(g.name, ', ') FROM task_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.task_id = t.id)
           AS tag_list
  FROM tasks t JOIN projects p ON p.id = t.project_id;
CREATE TRIGGER task_board_move INSTEAD OF UPDATE OF status ON task_board
BEGIN
    UPDATE tasks SET status = NEW.status WHERE id = OLD.id;
END;
