CREATE TRIGGER payments_ai AFTER INSERT ON payments FOR EACH ROW
BEGIN
  INSERT INTO audit_log (table_name, row_id, action, details)
  VALUES ('payments', NEW.id, 'insert', JSON_OBJECT('order', NEW.order_id, 'amount', NEW.amount));
END;

CREATE TRIGGER payments_ai_mark_paid AFTER INSERT ON payments FOR EACH ROW FOLLOWS payments_ai
BEGIN
  IF NEW.status = 'captured' THEN
    UPDATE orders SET status = 'paid' WHERE id = NEW.order_id AND status = 'new';
  END IF;
END;
