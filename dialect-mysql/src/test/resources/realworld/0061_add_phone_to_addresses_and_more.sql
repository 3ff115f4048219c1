-- Reviewed by ops; run at low traffic.
ALTER TABLE addresses ADD COLUMN IF NOT EXISTS phone VARCHAR(40) NULL;
CREATE INDEX api_tokens_user_ix ON api_tokens (user_id, revoked);
ALTER TABLE payments ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'pending';
