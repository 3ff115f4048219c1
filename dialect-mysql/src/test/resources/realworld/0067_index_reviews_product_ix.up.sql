-- Needed for the new admin screens; safe online (instant ADD COLUMN).
ALTER TABLE reviews ADD INDEX reviews_product_ix (product_id, approved, created_at);
