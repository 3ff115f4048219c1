CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  address_id BIGINT UNSIGNED NULL,
  status ENUM('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',
  total DECIMAL(12,2) NOT NULL DEFAULT 0.00,
  coupon_id INT UNSIGNED NULL,
  placed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY orders_user_ix (user_id, placed_at),
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT orders_address_fk FOREIGN KEY (address_id) REFERENCES addresses (id) ON DELETE SET NULL,
  CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
