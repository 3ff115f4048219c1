CREATE TABLE product_bundles (
  bundle_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  quantity SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (bundle_id, product_id),
  CONSTRAINT product_bundles_bundle_fk FOREIGN KEY (bundle_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT product_bundles_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT product_bundles_self_chk CHECK (bundle_id <> product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
