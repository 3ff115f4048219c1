-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS reviews_product_rating_ix ON reviews (product_id, rating);
