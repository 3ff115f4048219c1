ALTER TABLE webhooks ADD COLUMN max_attempts smallint NOT NULL DEFAULT 5 CHECK (max_attempts BETWEEN 1 AND 20);
ALTER TABLE webhook_deliveries ADD COLUMN next_attempt_at timestamptz;
