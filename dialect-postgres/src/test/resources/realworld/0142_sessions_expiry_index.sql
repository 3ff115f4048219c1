-- no-transaction
CREATE INDEX CONCURRENTLY sessions_expires_ix ON sessions (expires_at);
