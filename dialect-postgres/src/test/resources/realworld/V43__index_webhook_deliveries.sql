-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS webhook_deliveries_webhook_ix ON webhook_deliveries (webhook_id, created_at DESC);
