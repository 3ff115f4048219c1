-- === UP MIGRATION ===
# An order moves forward only: new -> paid -> shipped, or new/paid -> cancelled.
CREATE TRIGGER orders_bu BEFORE UPDATE ON orders FOR EACH ROW
BEGIN
  DECLARE v_ok TINYINT DEFAULT 1;
  IF NEW.status <> OLD.status THEN
    SET v_ok = CASE
      WHEN OLD.status = 'new' AND NEW.status IN ('paid', 'cancelled') THEN 1
      WHEN OLD.status = 'paid' AND NEW.status IN ('shipped', 'cancelled') THEN 1
      ELSE 0
    END;
    IF v_ok = 0 THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'illegal order status change';
    END IF;
    IF NEW.status = 'paid' THEN SET NEW.paid_at = NOW(); END IF;
    IF NEW.status = 'shipped' THEN SET NEW.shipped_at = NOW(); END IF;
  END IF;
END;

-- === DOWN MIGRATION ===
DROP TRIGGER IF EXISTS orders_bu;
