-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_tenant_status_ix ON users (tenant_id, status);
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_last_login_ix ON users (last_login_at DESC NULLS LAST);
