ALTER TABLE price_history ADD CONSTRAINT price_history_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE;
