-- Needed for the new admin screens; safe online (instant ADD COLUMN).
ALTER TABLE stock_movements ADD INDEX stock_movements_product_ix (product_id, moved_at);
ALTER TABLE orders ADD COLUMN paid_at DATETIME NULL;
CREATE INDEX shipments_tracking_ix ON shipments (tracking_no);
