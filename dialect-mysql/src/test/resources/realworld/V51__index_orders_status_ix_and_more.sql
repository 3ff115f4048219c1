ALTER TABLE orders ADD INDEX orders_status_ix (status, placed_at DESC);
ALTER TABLE products ADD COLUMN slug VARCHAR(220) NULL AFTER name;
