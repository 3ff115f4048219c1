ALTER TABLE email_outbox ADD COLUMN priority TINYINT NOT NULL DEFAULT 5 AFTER status,
  ADD INDEX email_outbox_priority_ix (status, priority, created_at);
