-- migrate:up
-- MariaDB FOR loop
CREATE PROCEDURE sp_backfill_daily_sales(IN p_from DATE, IN p_days INT)
BEGIN
  FOR i IN 0 .. p_days - 1 DO
    CALL sp_recalculate_daily_sales(p_from + INTERVAL i DAY);
  END FOR;
END;

-- migrate:down
DROP PROCEDURE IF EXISTS sp_backfill_daily_sales;

