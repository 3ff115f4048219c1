ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
UPDATE api_tokens SET expires_at = datetime(created_at, '+1 year') WHERE expires_at IS NULL;
CREATE INDEX api_tokens_expiry ON api_tokens (expires_at) WHERE revoked = 0;
