-- === UP MIGRATION ===
CREATE TRIGGER coupons_bi BEFORE INSERT ON coupons FOR EACH ROW
BEGIN
  IF NEW.valid_until < NEW.valid_from THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'valid_until is before valid_from';
  END IF;
END;

-- === DOWN MIGRATION ===
DROP TRIGGER IF EXISTS coupons_bi;
