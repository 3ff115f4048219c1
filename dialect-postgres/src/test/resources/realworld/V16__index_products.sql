-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS products_search_gin ON products USING gin (search);
CREATE INDEX CONCURRENTLY IF NOT EXISTS products_category_ix ON products (category_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS products_attributes_gin ON products USING gin (attributes jsonb_path_ops);
