-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS categories_parent_ix ON categories (parent_id);
