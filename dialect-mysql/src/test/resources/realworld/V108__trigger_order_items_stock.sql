DELIMITER $$
CREATE TRIGGER order_items_ai AFTER INSERT ON order_items FOR EACH ROW
BEGIN
  UPDATE inventory SET reserved = reserved + NEW.quantity
   WHERE product_id = NEW.product_id
   ORDER BY quantity - reserved DESC
   LIMIT 1;
END$$
DELIMITER ;
