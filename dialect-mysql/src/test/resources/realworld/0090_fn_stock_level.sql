-- Migration: 0090
-- Description: fn stock level
-- Author: chloe
-- Date: 2024-02-23

CREATE FUNCTION fn_stock_level(p_product BIGINT UNSIGNED) RETURNS INT
  NOT DETERMINISTIC READS SQL DATA SQL SECURITY INVOKER
BEGIN
  DECLARE v INT DEFAULT 0;
  SELECT COALESCE(SUM(quantity - reserved), 0) INTO v FROM inventory WHERE product_id = p_product;
  IF v < 0 THEN
    SET v = 0;
  END IF;
  RETURN v;
END;
