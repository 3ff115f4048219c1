-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_order_ix ON payments (order_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS payments_provider_ref_uq ON payments (provider_ref) WHERE provider_ref IS NOT NULL;
