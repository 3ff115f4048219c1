-- === UP MIGRATION ===
CREATE TRIGGER returns_ai AFTER INSERT ON returns FOR EACH ROW
BEGIN
  DECLARE v_product BIGINT UNSIGNED;
  SELECT product_id INTO v_product FROM order_items WHERE order_id = NEW.order_id AND line_no = NEW.line_no;
  IF NEW.reason <> 'damaged' THEN
    INSERT INTO stock_movements (product_id, warehouse_id, delta, reason, reference)
    SELECT v_product, w.id, NEW.quantity, 'return', CONCAT('order ', NEW.order_id)
      FROM warehouses w WHERE w.code = 'BER-01';
  END IF;
END;

-- === DOWN MIGRATION ===
DROP TRIGGER IF EXISTS returns_ai;
