-- Migration: create inventory_items
CREATE TABLE inventory_items (

  product_id    bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  warehouse_id  integer NOT NULL REFERENCES warehouses (id) ON DELETE CASCADE,
  on_hand       integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved      integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id, warehouse_id),
  CHECK (reserved <= on_hand)
);
CREATE TRIGGER inventory_items_set_updated_at BEFORE UPDATE ON inventory_items
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
