-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS coupons_valid_gist ON coupons USING gist (valid_during);
