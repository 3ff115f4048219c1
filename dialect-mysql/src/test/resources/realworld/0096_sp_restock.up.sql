DELIMITER $$
CREATE PROCEDURE sp_restock(IN p_product BIGINT UNSIGNED, IN p_warehouse INT UNSIGNED, IN p_qty INT)
BEGIN
  INSERT INTO inventory (product_id, warehouse_id, quantity) VALUES (p_product, p_warehouse, p_qty)
    ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity);
  INSERT INTO stock_movements (product_id, warehouse_id, delta, reason) VALUES (p_product, p_warehouse, p_qty, 'restock');
END$$
DELIMITER ;
