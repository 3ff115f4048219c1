-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_ix ON orders (customer_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_tenant_status_ix ON orders (tenant_id, status);
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_ix ON orders (placed_at) WHERE placed_at IS NOT NULL;
