CREATE TABLE email_outbox (
    id         INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    tries      INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    sent_at    TEXT
);
CREATE INDEX email_outbox_queued ON email_outbox (created_at) WHERE status = 'queued';

-- A notification for someone who prefers mail also queues a mail.
CREATE TRIGGER notifications_email AFTER INSERT ON notifications
WHEN coalesce((SELECT channel FROM notification_preferences WHERE user_id = NEW.user_id AND kind = NEW.kind), 'web') = 'email'
BEGIN
    INSERT INTO email_outbox (to_address, subject, body)
    SELECT u.email,
           CASE NEW.kind
               WHEN 'mentioned' THEN 'You were mentioned'
               WHEN 'assigned'  THEN 'New task for you'
               WHEN 'invoice'   THEN 'Your invoice'
               ELSE 'News from Tallybook'
           END,
           NEW.message || char(10) || char(10) || '-- ' || char(10) || (SELECT value FROM settings WHERE key = 'site.name')
      FROM users u WHERE u.id = NEW.user_id;
END;
