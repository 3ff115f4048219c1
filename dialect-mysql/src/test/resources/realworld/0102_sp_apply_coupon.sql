-- Migration: 0102
-- Description: sp apply coupon
-- Author: ben
-- Date: 2024-03-30

CREATE PROCEDURE sp_apply_coupon(IN p_order BIGINT UNSIGNED, IN p_code VARCHAR(32))
proc: BEGIN
  DECLARE v_coupon INT UNSIGNED;
  DECLARE v_percent TINYINT UNSIGNED;
  IF p_code IS NULL OR p_code = '' THEN
    LEAVE proc;
  END IF;
  SELECT id, percent_off INTO v_coupon, v_percent
    FROM coupons
   WHERE code = p_code AND CURRENT_DATE BETWEEN valid_from AND valid_until
     AND (max_uses IS NULL OR uses < max_uses);
  IF v_coupon IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'coupon unknown or expired';
  ELSEIF v_percent > 50 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'coupon needs manual approval (> 50%)';
  ELSE
    UPDATE orders SET coupon_id = v_coupon, total = ROUND(total * (100 - v_percent) / 100, 2) WHERE id = p_order;
    UPDATE coupons SET uses = uses + 1 WHERE id = v_coupon;
  END IF;
END proc;
