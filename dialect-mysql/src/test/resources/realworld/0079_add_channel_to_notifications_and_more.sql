-- === UP MIGRATION ===
ALTER TABLE notifications ADD COLUMN channel ENUM('email','push','sms') NOT NULL DEFAULT 'email' AFTER kind;
ALTER TABLE email_outbox ADD COLUMN attempts TINYINT UNSIGNED NOT NULL DEFAULT 0;

-- === DOWN MIGRATION ===
ALTER TABLE email_outbox DROP COLUMN attempts;
ALTER TABLE notifications DROP COLUMN channel;
