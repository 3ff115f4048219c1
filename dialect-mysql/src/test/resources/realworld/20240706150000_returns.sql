CREATE TABLE returns (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  reason ENUM('damaged','wrong_item','changed_mind','other') NOT NULL,
  comment TEXT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT returns_item_fk FOREIGN KEY (order_id, line_no) REFERENCES order_items (order_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX returns_created_ix ON returns (created_at);
