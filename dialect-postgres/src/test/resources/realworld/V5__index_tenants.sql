-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS tenants_name_trgm ON tenants USING gin (name gin_trgm_ops);
