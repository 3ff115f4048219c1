-- no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS products_active_ix ON products (tenant_id, category_id) WHERE archived_at IS NULL;
