ALTER TABLE email_outbox ADD COLUMN last_error TEXT NULL;
