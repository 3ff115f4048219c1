-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS user_roles_role_ix ON user_roles (role_id);
