CREATE TRIGGER orders_ai AFTER INSERT ON orders FOR EACH ROW
  INSERT INTO audit_log (table_name, row_id, action, changed_at, details)
  VALUES ('orders', NEW.id, 'insert', NOW(6), JSON_OBJECT('status', NEW.status, 'total', NEW.total));
