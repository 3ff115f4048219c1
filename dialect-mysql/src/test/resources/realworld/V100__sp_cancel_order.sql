CREATE PROCEDURE sp_cancel_order(IN p_order BIGINT UNSIGNED)
BEGIN
  DECLARE v_status VARCHAR(20);
  SELECT status INTO v_status FROM orders WHERE id = p_order;
  CASE v_status
    WHEN 'new' THEN
      UPDATE orders SET status = 'cancelled' WHERE id = p_order;
    WHEN 'paid' THEN
      UPDATE orders SET status = 'cancelled' WHERE id = p_order;
      INSERT INTO refunds (payment_id, amount, reason)
      SELECT id, amount, 'order cancelled; full refund' FROM payments WHERE order_id = p_order;
    ELSE
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cannot cancel: the order has shipped';
  END CASE;
END;
