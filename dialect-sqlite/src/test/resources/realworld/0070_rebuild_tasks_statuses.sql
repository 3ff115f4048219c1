-- Migration: 0070
-- Description: tasks get review and blocked statuses
-- Author: mira
-- Date: 2023-06-12

-- === UP MIGRATION ===
-- New statuses (review, blocked), an estimate, and a reporter that may be deleted.
-- SQLite cannot change a CHECK or a NOT NULL in place: rebuild the table (create, copy, drop, rename).
-- Every view and trigger that mentions tasks goes first and comes back at the end.
DROP VIEW open_tasks;
DROP VIEW task_board;
DROP VIEW sprint_progress;
DROP VIEW workload;
DROP TRIGGER comments_added;
DROP TRIGGER comments_notify;

CREATE TABLE tasks_new (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number           INTEGER,
    title            TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    body             TEXT,
    status           TEXT    NOT NULL DEFAULT 'todo'
                     CHECK (status IN ('todo', 'doing', 'review', 'blocked', 'done')),
    priority         INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    assignee_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reporter_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    due_date         TEXT    CHECK (due_date IS NULL OR date(due_date) IS NOT NULL),
    estimate_minutes INTEGER CHECK (estimate_minutes IS NULL OR estimate_minutes > 0),
    created_at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    completed_at     TEXT,
    UNIQUE (project_id, number)
);

INSERT INTO tasks_new (id, project_id, number, title, body, status, priority, assignee_id, reporter_id, due_date,
                       created_at, updated_at, completed_at)
SELECT id, project_id, number, title, body, status, priority, assignee_id, reporter_id, due_date,
       created_at, updated_at, completed_at
  FROM tasks;

-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE tasks;
ALTER TABLE tasks_new RENAME TO tasks;

CREATE INDEX tasks_project_status ON tasks (project_id, status);
CREATE INDEX tasks_assignee_open ON tasks (assignee_id, due_date) WHERE status <> 'done';
CREATE INDEX tasks_reporter ON tasks (reporter_id);

CREATE TRIGGER tasks_touch AFTER UPDATE ON tasks
FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TRIGGER tasks_number AFTER INSERT ON tasks
WHEN NEW.number IS NULL
BEGIN
    UPDATE projects SET task_counter = task_counter + 1 WHERE id = NEW.project_id;
    UPDATE tasks SET number = (SELECT task_counter FROM projects WHERE id = NEW.project_id) WHERE id = NEW.id;
END;
CREATE TRIGGER tasks_status_changed AFTER UPDATE OF status ON tasks
FOR EACH ROW WHEN OLD.status IS NOT NEW.status
BEGIN
    INSERT INTO task_events (task_id, kind, detail)
    VALUES (NEW.id,
            CASE
                WHEN NEW.status = 'done' THEN 'completed'
                WHEN OLD.status = 'done' THEN 'reopened'
                ELSE 'status'
            END,
            OLD.status || ' -> ' || NEW.status);
    UPDATE tasks
       SET completed_at = CASE NEW.status WHEN 'done' THEN CURRENT_TIMESTAMP ELSE NULL END
     WHERE id = NEW.id;
END;
CREATE TRIGGER tasks_created AFTER INSERT ON tasks
BEGIN
    INSERT INTO task_events (task_id, kind, detail, actor_id) VALUES (NEW.id, 'created', NEW.title, NEW.reporter_id);
END;
CREATE TRIGGER tasks_assigned AFTER UPDATE OF assignee_id ON tasks
WHEN NEW.assignee_id IS NOT OLD.assignee_id
BEGIN
    INSERT INTO task_events (task_id, kind, detail)
    VALUES (NEW.id, 'assigned',
            CASE WHEN NEW.assignee_id IS NULL THEN 'unassigned'
                 ELSE 'to ' || (SELECT display_name FROM users WHERE id = NEW.assignee_id)
            END);
END;
CREATE TRIGGER tasks_due_date_guard BEFORE INSERT ON tasks
WHEN NEW.due_date IS NOT NULL AND NEW.due_date < date('2000-01-01')
BEGIN
    SELECT RAISE(ABORT, 'due_date before 2000; check the date format (YYYY-MM-DD)');
END;
CREATE TRIGGER tasks_notify_assignee AFTER UPDATE OF assignee_id ON tasks
WHEN NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS NOT OLD.assignee_id
BEGIN
    INSERT INTO notifications (user_id, kind, task_id, message)
    VALUES (NEW.assignee_id, 'assigned', NEW.id,
            'You were assigned "' || NEW.title || '"'
            || CASE NEW.priority WHEN 1 THEN ' (urgent!)' WHEN 2 THEN ' (high)' ELSE '' END);
END;
CREATE TRIGGER tasks_webhook_created AFTER INSERT ON tasks
BEGIN
    INSERT INTO webhook_deliveries (webhook_id, payload)
    SELECT w.id,
           json_object('event', 'task.created',
                       'task', json_object('id', NEW.id, 'title', NEW.title, 'priority', NEW.priority))
      FROM webhooks w
      JOIN projects p ON p.team_id = w.team_id AND p.id = NEW.project_id
     WHERE w.active = 1
       AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value = 'task.created');
END;
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

CREATE TRIGGER comments_added AFTER INSERT ON comments
BEGIN
    INSERT INTO task_events (task_id, kind, detail, actor_id)
    VALUES (NEW.task_id, 'commented', substr(NEW.body, 1, 80), NEW.author_id);
    UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.task_id;
END;
CREATE TRIGGER comments_notify AFTER INSERT ON comments
BEGIN
    INSERT INTO notifications (user_id, kind, task_id, message)
    SELECT DISTINCT u.id,
           CASE WHEN instr(NEW.body, '@' || u.display_name) > 0 THEN 'mentioned' ELSE 'commented' END,
           NEW.task_id,
           (SELECT display_name FROM users WHERE id = NEW.author_id) || ': ' || substr(NEW.body, 1, 120)
      FROM users u
     WHERE u.id <> NEW.author_id
       AND u.id IN (SELECT assignee_id FROM tasks WHERE id = NEW.task_id
                    UNION SELECT reporter_id FROM tasks WHERE id = NEW.task_id
                    UNION SELECT author_id FROM comments WHERE task_id = NEW.task_id);
END;

CREATE VIEW open_tasks AS
SELECT t.id,
       p.key || '-' || t.number                                   AS ref,
       t.title,
       t.status,
       t.priority,
       u.display_name                                            AS assignee,
       t.due_date,
       CASE WHEN t.due_date < date('now') THEN 1 ELSE 0 END      AS overdue
  FROM tasks t
  JOIN projects p ON p.id = t.project_id
  LEFT JOIN users u ON u.id = t.assignee_id
 WHERE t.status <> 'done';
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
CREATE VIEW sprint_progress AS
WITH counts AS (
    SELECT st.sprint_id,
           count(*)                                        AS total,
           sum(CASE WHEN t.status = 'done' THEN 1 END)     AS done
      FROM sprint_tasks st JOIN tasks t ON t.id = st.task_id
     GROUP BY st.sprint_id
)
SELECT s.id, s.name, s.begin, s.end, coalesce(c.total, 0) AS total, coalesce(c.done, 0) AS done,
       CASE WHEN coalesce(c.total, 0) = 0 THEN 0 ELSE round(100.0 * c.done / c.total, 1) END AS percent
  FROM sprints s LEFT JOIN counts c ON c.sprint_id = s.id;
CREATE VIEW workload AS
SELECT u.id AS user_id, u.display_name,
       count(t.id)                                                   AS open_tasks,
       sum(CASE WHEN t.priority <= 2 THEN 1 ELSE 0 END)              AS urgent,
       rank() OVER (ORDER BY count(t.id) DESC)                       AS busiest
  FROM users u LEFT JOIN tasks t ON t.assignee_id = u.id AND t.status <> 'done'
 GROUP BY u.id, u.display_name;

-- The FTS index is external content keyed by rowid; ids were kept, so a rebuild makes it consistent.
INSERT INTO tasks_fts (tasks_fts) VALUES ('rebuild');

-- === DOWN MIGRATION ===
-- keel:transaction default
-- There is no way back to three statuses without losing information; see the runbook.
UPDATE tasks SET status = 'doing' WHERE status IN ('review', 'blocked');
