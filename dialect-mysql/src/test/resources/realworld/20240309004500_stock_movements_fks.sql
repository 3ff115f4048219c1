ALTER TABLE stock_movements
  ADD CONSTRAINT stock_movements_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  ADD CONSTRAINT stock_movements_warehouse_fk FOREIGN KEY (warehouse_id) REFERENCES warehouses (id);
