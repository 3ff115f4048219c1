-- The export trigger of 0140 borrowed the kind 'invoice'. Give exports their own kind: notifications has a
-- CHECK on kind, so rebuild it. No view mentions notifications; the triggers on other tables that write to it
-- must go before the rename and come back after it.
DROP TRIGGER exports_finished;
DROP TRIGGER tasks_notify_assignee;
DROP TRIGGER comments_notify;
DROP TRIGGER invoices_paid_notify;
CREATE TABLE notifications_new (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('assigned', 'mentioned', 'commented', 'due_soon', 'invoice', 'export')),
    task_id    INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    message    TEXT    NOT NULL,
    read_at    TEXT,
    created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO notifications_new SELECT id, user_id, kind, task_id, message, read_at, created_at FROM notifications;
-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_unread ON notifications (user_id, created_at) WHERE read_at IS NULL;
CREATE INDEX notifications_task ON notifications (task_id) WHERE task_id IS NOT NULL;
CREATE TRIGGER notifications_email AFTER INSERT ON notifications
WHEN coalesce((SELECT channel FROM notification_preferences WHERE user_id = NEW.user_id AND kind = NEW.kind), 'web') = 'email'
BEGIN
    INSERT INTO email_outbox (to_address, subject, body)
    SELECT u.email,
           CASE NEW.kind
               WHEN 'mentioned' THEN 'You were mentioned'
               WHEN 'assigned'  THEN 'New task for you'
               WHEN 'invoice'   THEN 'Your invoice'
               WHEN 'export'    THEN 'Your export'
               ELSE 'News from Tallybook'
           END,
           NEW.message || char(10) || char(10) || '-- ' || char(10) || (SELECT value FROM settings WHERE key = 'site.name')
      FROM users u WHERE u.id = NEW.user_id;
END;
CREATE TRIGGER exports_finished AFTER UPDATE OF status ON exports
WHEN NEW.status IN ('done', 'failed') AND OLD.status NOT IN ('done', 'failed')
BEGIN
    UPDATE exports SET finished_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
    INSERT INTO notifications (user_id, kind, message)
    SELECT NEW.requested_by, 'export',
           CASE NEW.status WHEN 'done' THEN 'Your ' || upper(NEW.format) || ' export is ready'
                           ELSE 'Your export failed: ' || NEW.error END
     WHERE NEW.requested_by IS NOT NULL;
END;
CREATE TRIGGER tasks_notify_assignee AFTER UPDATE OF assignee_id ON tasks
WHEN NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS NOT OLD.assignee_id
BEGIN
    INSERT INTO notifications (user_id, kind, task_id, message)
    VALUES (NEW.assignee_id, 'assigned', NEW.id,
            'You were assigned "' || NEW.title || '"'
            || CASE NEW.priority WHEN 1 THEN ' (urgent!)' WHEN 2 THEN ' (high)' ELSE '' END);
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
CREATE TRIGGER invoices_paid_notify AFTER UPDATE OF status ON invoices
WHEN NEW.status = 'paid' AND OLD.status <> 'paid'
BEGIN
    INSERT INTO notifications (user_id, kind, message)
    SELECT t.owner_id, 'invoice',
           'Invoice ' || NEW.number || ' is paid: '
           || coalesce((SELECT symbol FROM currencies WHERE code = NEW.currency), NEW.currency) || ' '
           || printf('%.2f', NEW.total_cents / 100.0)
      FROM teams t WHERE t.id = NEW.team_id;
    DELETE FROM invoice_reminders WHERE invoice_id = NEW.id;
END;
UPDATE notifications SET kind = 'export' WHERE kind = 'invoice' AND message LIKE 'Your % export%';
