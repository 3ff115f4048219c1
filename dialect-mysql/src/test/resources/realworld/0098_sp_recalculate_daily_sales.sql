CREATE PROCEDURE sp_recalculate_daily_sales(IN p_day DATE)
  COMMENT 'rebuilds one day of daily_sales; safe to run twice'
BEGIN
  REPLACE INTO daily_sales (day, orders, revenue)
  SELECT p_day, COUNT(*), COALESCE(SUM(total), 0)
    FROM orders
   WHERE placed_at >= p_day AND placed_at < p_day + INTERVAL 1 DAY
     AND status <> 'cancelled';
END;
