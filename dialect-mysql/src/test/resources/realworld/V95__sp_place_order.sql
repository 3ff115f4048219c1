-- Places an order from a cart, in one transaction. No DELIMITER: the splitter follows the body,
-- including the handler's own BEGIN ... END.
CREATE PROCEDURE sp_place_order(IN p_cart BIGINT UNSIGNED, IN p_address BIGINT UNSIGNED, OUT p_order BIGINT UNSIGNED)
  MODIFIES SQL DATA
BEGIN
  DECLARE v_user BIGINT UNSIGNED;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;

  START TRANSACTION;
  SELECT user_id INTO v_user FROM carts WHERE id = p_cart FOR UPDATE;
  IF v_user IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'anonymous carts cannot be ordered; log in first';
  END IF;
  INSERT INTO orders (user_id, address_id, status) VALUES (v_user, p_address, 'new');
  SET p_order = LAST_INSERT_ID();
  INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)
  SELECT p_order, ROW_NUMBER() OVER (ORDER BY ci.product_id), ci.product_id, ci.quantity, p.price
    FROM cart_items ci
    JOIN products p ON p.id = ci.product_id
   WHERE ci.cart_id = p_cart;
  UPDATE orders SET total = fn_order_total(p_order) WHERE id = p_order;
  DELETE FROM cart_items WHERE cart_id = p_cart;
  COMMIT;
END;
