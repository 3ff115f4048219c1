-- === UP MIGRATION ===
CREATE TABLE price_history (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id BIGINT UNSIGNED NOT NULL,
  old_price DECIMAL(10,2) NOT NULL,
  new_price DECIMAL(10,2) NOT NULL,
  changed_at DATETIME NOT NULL,
  KEY price_history_product_ix (product_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- === DOWN MIGRATION ===
DROP TABLE IF EXISTS price_history;
