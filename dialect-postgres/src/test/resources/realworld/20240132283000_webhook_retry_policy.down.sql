ALTER TABLE webhook_deliveries DROP COLUMN next_attempt_at;
ALTER TABLE webhooks DROP COLUMN max_attempts;
