-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_name_trgm ON customers USING gin (full_name gin_trgm_ops);
