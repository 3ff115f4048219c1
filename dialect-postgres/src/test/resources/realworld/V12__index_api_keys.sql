-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS api_keys_tenant_ix ON api_keys (tenant_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS api_keys_scopes_gin ON api_keys USING gin (scopes);
