-- keel:transaction none
-- Built concurrently: the table is live in production.
CREATE INDEX CONCURRENTLY IF NOT EXISTS inventory_items_warehouse_ix ON inventory_items (warehouse_id);
