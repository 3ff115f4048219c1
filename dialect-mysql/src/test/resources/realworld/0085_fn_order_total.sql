-- === UP MIGRATION ===
-- Sum of an order's lines. Written without DELIMITER: Keel reads the BEGIN ... END body.
CREATE FUNCTION fn_order_total(p_order_id BIGINT UNSIGNED) RETURNS DECIMAL(12,2)
  READS SQL DATA
  COMMENT 'sum of quantity * unit_price; 0 when the order has no lines'
BEGIN
  DECLARE v_total DECIMAL(12,2);
  SELECT COALESCE(SUM(quantity * unit_price), 0) INTO v_total
    FROM order_items
   WHERE order_id = p_order_id;
  RETURN v_total;
END;

-- === DOWN MIGRATION ===
DROP FUNCTION IF EXISTS fn_order_total;
