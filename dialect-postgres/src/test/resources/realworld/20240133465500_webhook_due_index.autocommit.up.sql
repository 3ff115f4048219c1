CREATE INDEX CONCURRENTLY webhook_deliveries_due_ix ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL;
