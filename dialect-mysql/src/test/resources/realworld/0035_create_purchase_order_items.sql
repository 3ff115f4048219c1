-- === UP MIGRATION ===
CREATE TABLE purchase_order_items (
  purchase_order_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  cost DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (purchase_order_id, product_id),
  CONSTRAINT poi_po_fk FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id) ON DELETE CASCADE,
  CONSTRAINT poi_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- === DOWN MIGRATION ===
DROP TABLE IF EXISTS purchase_order_items;
